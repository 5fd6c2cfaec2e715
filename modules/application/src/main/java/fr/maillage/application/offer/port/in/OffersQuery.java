package fr.maillage.application.offer.port.in;

import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.Page;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.network.NetworkSlug;
import java.util.UUID;

/** The offers of a network, for its people (archived ones included), with their operator's VAT regime. */
public interface OffersQuery {

    Page<OfferView> offers(Caller caller, NetworkSlug network, PageRequest page);

    OfferView offer(Caller caller, NetworkSlug network, UUID offer);
}
