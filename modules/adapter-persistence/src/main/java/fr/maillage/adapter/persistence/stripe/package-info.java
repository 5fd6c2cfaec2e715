/** Online payments: idempotency keys of Stripe calls, connected accounts, Checkout sessions, events applied. */
@NullMarked
package fr.maillage.adapter.persistence.stripe;

import org.jspecify.annotations.NullMarked;
