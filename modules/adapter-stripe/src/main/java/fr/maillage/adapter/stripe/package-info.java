/**
 * The Stripe adapter: connected accounts (Connect), Checkout sessions on them (direct charges), webhook signatures and
 * events, through stripe-java. The only package that knows {@code com.stripe}.
 */
@NullMarked
package fr.maillage.adapter.stripe;

import org.jspecify.annotations.NullMarked;
