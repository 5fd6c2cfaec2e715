/** Who may do what in a network: permissions per role, the tenant rule (another network's objects do not exist for you). */
@NullMarked
package fr.maillage.application.access;

import org.jspecify.annotations.NullMarked;
