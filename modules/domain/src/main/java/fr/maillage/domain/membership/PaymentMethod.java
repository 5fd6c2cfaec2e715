package fr.maillage.domain.membership;

/**
 * How a payment was made. CASH, CHEQUE and TRANSFER are recorded by a manager (offline); ONLINE payments are
 * confirmed by the payment provider (Stripe Checkout) and never typed in by hand.
 */
public enum PaymentMethod {
    CASH, CHEQUE, TRANSFER, ONLINE;

    /** How it is written in French accounts and documents: "espèces", "chèque", "virement", "en ligne". */
    public String label() {
        return switch (this) {
            case CASH -> "espèces";
            case CHEQUE -> "chèque";
            case TRANSFER -> "virement";
            case ONLINE -> "en ligne";
        };
    }

    /** Whether a manager may record a payment of this method by hand. */
    public boolean isOffline() {
        return this != ONLINE;
    }
}
