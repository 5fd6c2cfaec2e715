package fr.maillage.adapter.facturx;

import fr.maillage.domain.invoice.Buyer;
import fr.maillage.domain.invoice.Invoice;
import fr.maillage.domain.invoice.InvoiceChain;
import fr.maillage.domain.invoice.InvoiceKind;
import fr.maillage.domain.invoice.InvoiceLine;
import fr.maillage.domain.invoice.InvoiceNumber;
import fr.maillage.domain.invoice.Seller;
import fr.maillage.domain.member.MemberId;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A sample invoice, never stored: what the warm-up renders. */
final class Sample {

    private Sample() {
    }

    static Invoice invoice() {
        UUID zero = new UUID(0, 0);
        return Invoice.draft(zero, new NetworkId(zero), new OperatorId(zero), InvoiceKind.INVOICE,
                Instant.parse("2026-01-05T10:00:00Z"), ZoneId.of("Europe/Paris"), null, null,
                new Seller("Exemple", Siren.of("732829320"), new PostalAddress("1 place de la Mairie", null, "05700",
                        "Serres")), new Buyer("Exemple", "Exemple", null), new MemberId(zero), null,
                List.of(InvoiceLine.of(1, "Exemple", 1, 1_200, VatRate.STANDARD)),
                new VatRegime.Liable(List.of(VatRate.STANDARD)), null, null)
                .issue(new InvoiceNumber(InvoicePrefix.of("EX"), 2026, 1), 1, InvoiceChain.GENESIS);
    }
}
