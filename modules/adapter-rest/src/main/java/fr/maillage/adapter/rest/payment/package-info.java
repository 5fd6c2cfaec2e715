/** The online payments API: operators' Stripe accounts, members' Checkout, Stripe's webhook. */
@NullMarked
package fr.maillage.adapter.rest.payment;

import org.jspecify.annotations.NullMarked;
