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

    /** The offers on sale (not archived), sorted by name, at most {@code limit}. */
    java.util.List<Offer> active(int limit);

    /**
     * A cheap fingerprint of the offers (their number, versions summed, last change, chosen places): it changes
     * whenever an offer is added, changed or archived. Part of the directory's data fingerprint.
     */
    String stamp();

    Offer insert(Offer offer);

    /** @throws fr.maillage.application.shared.StaleVersionException when the version moved */
    Offer update(Offer offer);

    /** An offer with its operator's VAT regime (for the net, the VAT and the invoice mention). */
    record OfferView(Offer offer, VatRegime regime) {
    }
}
