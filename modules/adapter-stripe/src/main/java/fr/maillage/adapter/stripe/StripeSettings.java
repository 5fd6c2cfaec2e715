package fr.maillage.adapter.stripe;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Stripe. Without a secret key online payment is not configured (nothing is ever called); without a
 * webhook secret no delivery is accepted.
 *
 * @param apiBase Stripe's address ({@code https://api.stripe.com}); tests point it at a local stub
 * @param retries how many times a call that timed out or met a server error is retried (same idempotency key)
 * @param retryDelay the wait before the first retry, doubled at each next one
 * @param webhookTolerance how old a delivery's signed timestamp may be
 * @param country the country of the connected accounts created
 */
public record StripeSettings(@Nullable String secretKey, @Nullable String webhookSecret, String apiBase,
        Duration connectTimeout, Duration readTimeout, int retries, Duration retryDelay, Duration webhookTolerance,
        String country) {

    public static final String DEFAULT_API_BASE = "https://api.stripe.com";

    public StripeSettings {
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey.strip();
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.strip();
        apiBase = apiBase.isBlank() ? DEFAULT_API_BASE : apiBase.strip();
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("maillage.stripe.retries must be between 0 and 10");
        }
    }

    public boolean configured() {
        return secretKey != null;
    }
}
