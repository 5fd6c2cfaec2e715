package fr.maillage.application.mail.port.in;

import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.NetworkSlug;

/** What operations do with a network's outbox (animators, platform admins). */
public interface ManageOutboxUseCase {

    /** Puts the network's FAILED mails back to PENDING, due now with no attempts; returns their number (audited). */
    int retryFailed(Caller caller, NetworkSlug network);
}
