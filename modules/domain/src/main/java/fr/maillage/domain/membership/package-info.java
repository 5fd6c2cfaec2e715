/**
 * Memberships: a member's holding of an offer (a card of entries, a subscription period, a day pass), sold by an
 * operator, paid by one or more payments, and its life: pending payment, active, expired or cancelled. Every
 * transition returns the new state with the {@link fr.maillage.domain.membership.MembershipEvent}s it emits.
 */
@NullMarked
package fr.maillage.domain.membership;

import org.jspecify.annotations.NullMarked;
