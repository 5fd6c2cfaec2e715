package fr.maillage.domain.operator;

import fr.maillage.domain.network.NetworkId;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A legal entity inside a network that runs places and sells (a communauté de communes, an association, a
 * cooperative, a company): who appears as the seller on invoices.
 */
public record Operator(OperatorId id, NetworkId network, String legalName, Siren siren, PostalAddress address,
        VatRegime vatRegime, InvoicePrefix invoicePrefix, Instant createdAt, Instant updatedAt, long version) {

    public Operator {
        Objects.requireNonNull(id);
        Objects.requireNonNull(network);
        Objects.requireNonNull(legalName);
        Objects.requireNonNull(siren);
        Objects.requireNonNull(address);
        Objects.requireNonNull(vatRegime);
        Objects.requireNonNull(invoicePrefix);
    }

    public Operator with(String newLegalName, Siren newSiren, PostalAddress newAddress, VatRegime newRegime,
            InvoicePrefix newPrefix, Instant now) {
        return new Operator(id, network, newLegalName, newSiren, newAddress, newRegime, newPrefix, createdAt, now,
                version);
    }
}
