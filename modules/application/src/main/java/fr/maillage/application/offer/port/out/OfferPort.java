package fr.maillage.application.offer.port.out;

import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.operator.VatRegime;
import java.util.Optional;
import java.util.UUID;

/** Offers of the current network (runs inside its tenant transaction). */
public interface OfferPort {

    Optional<Offer> find(UUID id);

    /** Offers sorted by name. */
    Page<Offer> list(PageRequest page);

    Offer insert(Offer offer);

    /** @throws fr.maillage.application.shared.StaleVersionException when the version moved */
    Offer update(Offer offer);

    /** Whether the current network allows offers valid in all its places ("pass réseau"). */
    boolean networkPassesAllowed();

    /** An offer with its operator's VAT regime (for the net, the VAT and the invoice mention). */
    record OfferView(Offer offer, VatRegime regime) {
    }
}
