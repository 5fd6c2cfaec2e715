/** Memberships and their payments — use cases. */
@NullMarked
package fr.maillage.application.membership.port.in;

import org.jspecify.annotations.NullMarked;
