package fr.maillage.application.offer.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Animators manage every offer of their network; managers only those of the operators they run (another operator's
 * offer answers 404). An offer is never deleted: it is archived (an offer that has been sold must stay).
 */
public interface ManageOffersUseCase {

    OfferView createOffer(Caller caller, NetworkSlug network, OfferCommand.Raw offer);

    OfferView updateOffer(Caller caller, NetworkSlug network, UUID offer, OfferCommand.Raw details,
            @Nullable Long expectedVersion);

    /** Idempotent: archiving an archived offer changes nothing. */
    OfferView archiveOffer(Caller caller, NetworkSlug network, UUID offer);
}
