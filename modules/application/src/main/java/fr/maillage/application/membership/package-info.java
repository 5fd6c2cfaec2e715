/** Memberships: sales, offline payments, activation, cancellation, expiry and renewal of subscriptions. */
@NullMarked
package fr.maillage.application.membership;

import org.jspecify.annotations.NullMarked;
