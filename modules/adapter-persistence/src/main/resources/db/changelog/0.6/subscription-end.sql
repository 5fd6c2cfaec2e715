--liquibase formatted sql

--changeset maillage:0.6-membership-event-renewal-stopped
--comment: A membership's history takes RENEWAL_STOPPED (automatic renewal switched off: by the member, a seller, or the
--comment: provider's subscription ending) and RENEWAL_RESUMED (the provider's subscription renews again).
ALTER TABLE membership_event DROP CONSTRAINT membership_event_type_known;
ALTER TABLE membership_event ADD CONSTRAINT membership_event_type_known CHECK (type IN ('SOLD', 'PAYMENT_RECORDED',
    'ACTIVATED', 'CANCELLED', 'EXPIRED', 'RENEWED', 'REFUNDED', 'RENEWAL_STOPPED', 'RENEWAL_RESUMED'));
--rollback ALTER TABLE membership_event DROP CONSTRAINT membership_event_type_known;
--rollback ALTER TABLE membership_event ADD CONSTRAINT membership_event_type_known CHECK (type IN ('SOLD',
--rollback     'PAYMENT_RECORDED', 'ACTIVATED', 'CANCELLED', 'EXPIRED', 'RENEWED', 'REFUNDED'));

--changeset maillage:0.6-stripe-subscription
--comment: The state of a provider subscription as the newest event (or our own request) reported it: cancel_at_period_end
--comment: and ended (customer.subscription.deleted, final). status_at: when that state was true; an older event never
--comment: overrides a newer state.
CREATE TABLE stripe_subscription (
    network_id            uuid         NOT NULL,
    subscription_id       varchar(255) NOT NULL,
    cancel_at_period_end  boolean      NOT NULL DEFAULT false,
    ended                 boolean      NOT NULL DEFAULT false,
    status_at             timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    CONSTRAINT stripe_subscription_pkey PRIMARY KEY (network_id, subscription_id)
);
ALTER TABLE stripe_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_subscription
    USING (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid)
    WITH CHECK (network_id = NULLIF(current_setting('app.tenant', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE ON stripe_subscription TO ${app_role};
--rollback DROP TABLE stripe_subscription;

--changeset maillage:0.6-stripe-network-fee-delete
--comment: A platform admin removes a network's platform fee (no row: no fee).
GRANT DELETE ON stripe_network_fee TO ${app_role};
--rollback REVOKE DELETE ON stripe_network_fee FROM ${app_role};
