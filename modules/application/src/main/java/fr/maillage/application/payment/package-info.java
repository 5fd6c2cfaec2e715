/**
 * Online payments: an operator's connected account at the payment provider (Stripe Connect), Checkout sessions on
 * that account, and the provider's events applied exactly once (fulfilment, refunds, account status).
 */
@NullMarked
package fr.maillage.application.payment;

import org.jspecify.annotations.NullMarked;
