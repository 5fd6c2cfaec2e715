package fr.maillage.adapter.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import fr.maillage.application.payment.port.out.PaymentProviderPort;
import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link PaymentProviderPort} on Stripe, with stripe-java.
 *
 * <p>Retries are ours, not stripe-java's (its own retries are off): every creating call carries the idempotency key
 * the application stored before the first attempt, set explicitly in {@link RequestOptions}, and a call that timed
 * out, could not connect, met a 5xx or a 429 is retried with that very key, {@code retries} times with a doubling
 * delay. A 4xx is Stripe refusing the request: not retried.
 *
 * <p>Events are read from the JSON that Stripe sent (after the signature check), not through stripe-java's typed
 * objects, so that an event of another API version than stripe-java's is still read.
 */
public final class StripeGateway implements PaymentProviderPort {

    private static final System.Logger LOG = System.getLogger(StripeGateway.class.getName());

    private final StripeSettings settings;
    private final @Nullable StripeClient client;

    public StripeGateway(StripeSettings settings) {
        this.settings = settings;
        this.client = settings.secretKey() == null ? null : StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setConnectBase(settings.apiBase())
                .setFilesBase(settings.apiBase())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                .setMaxNetworkRetries(0)
                .build();
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    private StripeClient client() {
        if (client == null) {
            throw new ConflictException("payment.online.not-configured");
        }
        return client;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws StripeException;
    }

    /** Runs the call, retrying timeouts, connection failures, 5xx and 429 (the same request: the same key). */
    private <T> T withRetries(String what, Call<T> call) {
        long delay = settings.retryDelay().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (StripeException e) {
                boolean retryable = e instanceof ApiConnectionException
                        || (e.getStatusCode() != null && (e.getStatusCode() >= 500 || e.getStatusCode() == 429));
                if (!retryable) {
                    LOG.log(System.Logger.Level.WARNING, "Stripe refused " + what + ": " + e.getStatusCode() + " "
                            + e.getCode() + " (request " + e.getRequestId() + ")");
                    if (e.getStatusCode() != null && (e.getStatusCode() == 401 || e.getStatusCode() == 403)) {
                        throw new ServiceUnavailableException("stripe", e);
                    }
                    throw new ConflictException("payment.online.rejected");
                }
                if (attempt >= settings.retries()) {
                    throw new ServiceUnavailableException("stripe", e);
                }
                LOG.log(System.Logger.Level.INFO, "Stripe " + what + " failed (" + e.getStatusCode() + ", "
                        + e.getClass().getSimpleName() + "); retry " + (attempt + 1) + " with the same key");
                sleep(delay);
                delay *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a Stripe call", e);
        }
    }

    private static RequestOptions creating(String idempotencyKey, @Nullable String account) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder().setIdempotencyKey(idempotencyKey);
        if (account != null) {
            options.setStripeAccount(account);
        }
        return options.build();
    }

    // ---------------------------------------------------------------------------------------------- accounts

    @Override
    public AccountState createAccount(@Nullable String email, String idempotencyKey) {
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.STANDARD).setCountry(settings.country());
        if (email != null) {
            params.setEmail(email);
        }
        Account account = withRetries("account creation",
                () -> client().v1().accounts().create(params.build(), creating(idempotencyKey, null)));
        return state(account);
    }

    @Override
    public String onboardingLink(String account, String refreshUrl, String returnUrl, String idempotencyKey) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder().setAccount(account)
                .setRefreshUrl(refreshUrl).setReturnUrl(returnUrl)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING).build();
        AccountLink link = withRetries("account link",
                () -> client().v1().accountLinks().create(params, creating(idempotencyKey, null)));
        return link.getUrl();
    }

    @Override
    public AccountState account(String account) {
        return state(withRetries("account read", () -> client().v1().accounts().retrieve(account)));
    }

    private static AccountState state(Account a) {
        List<String> due = a.getRequirements() == null || a.getRequirements().getCurrentlyDue() == null ? List.of()
                : a.getRequirements().getCurrentlyDue();
        return new AccountState(a.getId(), Boolean.TRUE.equals(a.getChargesEnabled()),
                Boolean.TRUE.equals(a.getPayoutsEnabled()), Boolean.TRUE.equals(a.getDetailsSubmitted()), due);
    }

    // ---------------------------------------------------------------------------------------------- checkout

    @Override
    public CheckoutState createCheckout(String account, CheckoutRequest request, String idempotencyKey) {
        boolean subscription = request.interval() != null;
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(request.currency()).setUnitAmount(request.amountCents())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                        .setName(request.productName()).build());
        if (subscription) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval("year".equals(request.interval())
                            ? SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR
                            : SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(subscription ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.SEPA_DEBIT)
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L).setPriceData(price.build())
                        .build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setClientReferenceId(request.metadata().getOrDefault("membership_id", null))
                .putAllMetadata(request.metadata());
        if (request.customerEmail() != null) {
            params.setCustomerEmail(request.customerEmail());
        }
        if (subscription) {
            SessionCreateParams.SubscriptionData.Builder data = SessionCreateParams.SubscriptionData.builder()
                    .putAllMetadata(request.metadata());
            if (request.feePerMille() > 0) {
                data.setApplicationFeePercent(java.math.BigDecimal.valueOf(request.feePerMille(), 1));
            }
            params.setSubscriptionData(data.build());
        } else {
            SessionCreateParams.PaymentIntentData.Builder intent = SessionCreateParams.PaymentIntentData.builder()
                    .putAllMetadata(request.metadata());
            if (request.applicationFeeCents() > 0) {
                intent.setApplicationFeeAmount(request.applicationFeeCents());
            }
            params.setPaymentIntentData(intent.build());
        }
        Session session = withRetries("checkout session",
                () -> client().v1().checkout().sessions().create(params.build(), creating(idempotencyKey, account)));
        return state(session);
    }

    @Override
    public CheckoutState checkout(String account, String sessionId) {
        RequestOptions options = RequestOptions.builder().setStripeAccount(account).build();
        return state(withRetries("checkout session read",
                () -> client().v1().checkout().sessions().retrieve(sessionId, options)));
    }

    private static CheckoutState state(Session s) {
        return new CheckoutState(s.getId(), s.getUrl(), Objects.requireNonNullElse(s.getStatus(), "open"),
                Objects.requireNonNullElse(s.getPaymentStatus(), "unpaid"), s.getPaymentIntent(),
                s.getAmountTotal() == null ? 0 : s.getAmountTotal(),
                s.getMetadata() == null ? Map.of() : s.getMetadata(), s.getSubscription());
    }

    // ---------------------------------------------------------------------------------------------- subscriptions

    @Override
    public SubscriptionState updateSubscription(String account, String subscription, boolean cancelAtPeriodEnd,
            String idempotencyKey) {
        SubscriptionUpdateParams params = SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancelAtPeriodEnd)
                .build();
        Subscription updated = withRetries("subscription update", () -> client().v1().subscriptions()
                .update(subscription, params, creating(idempotencyKey, account)));
        return new SubscriptionState(updated.getId(), Objects.requireNonNullElse(updated.getStatus(), "active"),
                Boolean.TRUE.equals(updated.getCancelAtPeriodEnd()));
    }

    // ---------------------------------------------------------------------------------------------- events

    @Override
    public List<ProviderEvent> eventsSince(String account, Instant since) {
        List<ProviderEvent> events = new ArrayList<>();
        String startingAfter = null;
        RawRequestOptions options = RawRequestOptions.builder().setStripeAccount(account).build();
        while (true) {
            String query = "/v1/events?limit=100&created%5Bgte%5D=" + since.getEpochSecond()
                    + (startingAfter == null ? "" : "&starting_after="
                            + URLEncoder.encode(startingAfter, StandardCharsets.UTF_8));
            StripeResponse response = withRetries("event list",
                    () -> client().rawRequest(ApiResource.RequestMethod.GET, query, null, options));
            JsonObject page = JsonParser.parseString(response.body()).getAsJsonObject();
            JsonArray data = page.getAsJsonArray("data");
            for (JsonElement element : data) {
                JsonObject event = element.getAsJsonObject();
                if (!event.has("account") || event.get("account").isJsonNull()) {
                    event.addProperty("account", account);
                }
                events.add(event(event));
            }
            if (data.isEmpty() || !bool(page, "has_more")) {
                break;
            }
            startingAfter = text(data.get(data.size() - 1).getAsJsonObject(), "id");
        }
        // Stripe lists the newest first: apply them in the order they happened.
        events.sort(java.util.Comparator.comparing(ProviderEvent::created));
        return events;
    }

    @Override
    public ProviderEvent verify(byte[] payload, @Nullable String signatureHeader) {
        String secret = settings.webhookSecret();
        if (secret == null) {
            throw new ConflictException("payment.online.not-configured");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidValueException("stripe.webhook.signature");
        }
        String body = new String(payload, StandardCharsets.UTF_8);
        try {
            Webhook.constructEvent(body, signatureHeader, secret, settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new InvalidValueException("stripe.webhook.signature");
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new InvalidValueException("stripe.webhook.payload");
        }
        try {
            return event(JsonParser.parseString(body).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | ClassCastException | NullPointerException
                | NumberFormatException e) {
            throw new InvalidValueException("stripe.webhook.payload");
        }
    }

    /** Reads an event's JSON: its id, type, account, time, and the object it carries for the types we apply. */
    static ProviderEvent event(JsonObject json) {
        String id = Objects.requireNonNull(text(json, "id"));
        String type = Objects.requireNonNull(text(json, "type"));
        String account = text(json, "account");
        Instant created = Instant.ofEpochSecond(json.get("created").getAsLong());
        JsonObject object = json.getAsJsonObject("data").getAsJsonObject("object");
        String kind = text(object, "object");
        CheckoutState checkout = null;
        AccountState accountState = null;
        ChargeState charge = null;
        InvoiceState invoice = null;
        SubscriptionState subscriptionState = null;
        if ("subscription".equals(kind)) {
            subscriptionState = new SubscriptionState(Objects.requireNonNull(text(object, "id")),
                    Objects.requireNonNullElse(text(object, "status"), "active"), bool(object, "cancel_at_period_end"));
        } else if ("invoice".equals(kind)) {
            String subscription = idOf(object, "subscription");
            JsonElement parent = object.get("parent");
            if (subscription == null && parent != null && parent.isJsonObject()
                    && parent.getAsJsonObject().get("subscription_details") instanceof JsonObject details) {
                subscription = idOf(details, "subscription");
            }
            invoice = new InvoiceState(Objects.requireNonNull(text(object, "id")), subscription,
                    text(object, "billing_reason"), number(object, "amount_paid"));
        } else if ("checkout.session".equals(kind)) {
            checkout = new CheckoutState(Objects.requireNonNull(text(object, "id")), text(object, "url"),
                    Objects.requireNonNullElse(text(object, "status"), "open"),
                    Objects.requireNonNullElse(text(object, "payment_status"), "unpaid"), idOf(object, "payment_intent"),
                    number(object, "amount_total"), metadata(object), idOf(object, "subscription"));
        } else if ("account".equals(kind)) {
            List<String> due = new ArrayList<>();
            JsonElement requirements = object.get("requirements");
            if (requirements != null && requirements.isJsonObject()
                    && requirements.getAsJsonObject().get("currently_due") instanceof JsonArray list) {
                list.forEach(e -> due.add(e.getAsString()));
            }
            accountState = new AccountState(Objects.requireNonNull(text(object, "id")), bool(object, "charges_enabled"),
                    bool(object, "payouts_enabled"), bool(object, "details_submitted"), due);
        } else if ("charge".equals(kind)) {
            String lastRefund = null;
            JsonElement refunds = object.get("refunds");
            if (refunds != null && refunds.isJsonObject()
                    && refunds.getAsJsonObject().get("data") instanceof JsonArray list && !list.isEmpty()) {
                lastRefund = text(list.get(0).getAsJsonObject(), "id");
            }
            charge = new ChargeState(Objects.requireNonNull(text(object, "id")), idOf(object, "payment_intent"),
                    number(object, "amount"), number(object, "amount_refunded"), lastRefund);
        }
        return new ProviderEvent(id, type, account, created, checkout, accountState, charge, invoice,
                subscriptionState);
    }

    private static @Nullable String text(JsonObject json, String field) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** A field that holds an id, or the expanded object with that id. */
    private static @Nullable String idOf(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonObject() ? text(e.getAsJsonObject(), "id") : e.getAsString();
    }

    private static long number(JsonObject json, String field) {
        JsonElement e = json.get(field);
        return e == null || e.isJsonNull() ? 0 : e.getAsLong();
    }

    private static boolean bool(JsonObject json, String field) {
        JsonElement e = json.get(field);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    private static Map<String, String> metadata(JsonObject json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonElement e = json.get("metadata");
        if (e != null && e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(entry -> {
                if (!entry.getValue().isJsonNull()) {
                    metadata.put(entry.getKey(), entry.getValue().getAsString());
                }
            });
        }
        return metadata;
    }
}
