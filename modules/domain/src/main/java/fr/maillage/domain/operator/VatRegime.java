package fr.maillage.domain.operator;

import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.Text;
import java.util.List;
import java.util.TreeSet;

/**
 * How an operator charges VAT, which decides the VAT of its offers and the mentions of its invoices.
 */
public sealed interface VatRegime {

    /** The mention invoices of a franchise must carry. */
    String FRANCHISE_MENTION = "TVA non applicable, art. 293 B du CGI";

    /** Liable for VAT: the rates it uses, the first being the default of new offers. */
    record Liable(List<VatRate> rates) implements VatRegime {

        public Liable {
            if (rates.isEmpty()) {
                throw new InvalidValueException("operator.vat.rates.empty");
            }
            if (new TreeSet<>(rates).size() != rates.size()) {
                throw new InvalidValueException("operator.vat.rates.duplicate");
            }
            rates = List.copyOf(rates);
        }

        public VatRate defaultRate() {
            return rates.getFirst();
        }
    }

    /** The "franchise en base": no VAT is charged; invoices say {@value #FRANCHISE_MENTION}. */
    record Franchise() implements VatRegime {
    }

    /**
     * Exempt from VAT (an association's non-profit activities, for instance), with the legal basis invoices cite,
     * e.g. "Exonération de TVA, art. 261, 7-1° du CGI".
     */
    record Exempt(String legalBasis) implements VatRegime {

        public Exempt {
            if (Text.hasControlCharacters(legalBasis)) {
                throw new InvalidValueException("text.control-characters");
            }
            legalBasis = Text.normalize(legalBasis);
            if (legalBasis.length() < 5 || legalBasis.length() > 200) {
                throw new InvalidValueException("operator.vat.legal-basis.length", 5, 200);
            }
        }
    }

    /** Whether offers of this operator may carry this rate (only a liable operator's own rates). */
    default boolean allows(VatRate rate) {
        return this instanceof Liable liable && liable.rates().contains(rate);
    }

    /** The mention an invoice carries instead of VAT, or none for a liable operator. */
    default String invoiceMention() {
        return switch (this) {
            case Liable l -> "";
            case Franchise f -> FRANCHISE_MENTION;
            case Exempt e -> e.legalBasis();
        };
    }
}
