/**
 * Members of a network: their profile and consents, created when a person joins, when an animator invites them as a
 * member, or by a manager; and found again for the caller ({@link fr.maillage.application.member.MemberProfiles}).
 */
@NullMarked
package fr.maillage.application.member;

import org.jspecify.annotations.NullMarked;
