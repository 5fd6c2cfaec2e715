package fr.maillage.domain.membership;

/**
 * Where a membership is in its life:
 *
 * <pre>
 *  sale ──► PENDING_PAYMENT ──(paid in full)──► ACTIVE ──(validity over)──► EXPIRED
 *  sale of a free offer ──────────────────────► ACTIVE
 *           PENDING_PAYMENT | ACTIVE ──(cancel, with a reason)──► CANCELLED
 * </pre>
 *
 * EXPIRED and CANCELLED are final.
 */
public enum MembershipStatus {
    PENDING_PAYMENT, ACTIVE, EXPIRED, CANCELLED;

    public boolean isFinal() {
        return this == EXPIRED || this == CANCELLED;
    }
}
