package fr.maillage.domain.invoice;

import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.shared.PostalAddress;
import java.util.Objects;

/** The seller as printed on the document: the operator's legal name, SIREN (or SIRET) and address when issued. */
public record Seller(String legalName, Siren siren, PostalAddress address) {

    public Seller {
        Objects.requireNonNull(legalName);
        Objects.requireNonNull(siren);
        Objects.requireNonNull(address);
    }

    public static Seller of(Operator operator) {
        return new Seller(operator.legalName(), operator.siren(), operator.address());
    }
}
