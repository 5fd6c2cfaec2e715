package fr.maillage.application.membership.port.in;

import fr.maillage.domain.network.NetworkSlug;
import java.time.Instant;

/**
 * The scheduled side of memberships: at {@code now}, active memberships whose validity is over (in each network's
 * time zone) expire, and subscriptions that renew themselves get their next period, pending payment. Safe to run
 * often, concurrently, and late: a membership is handled once.
 */
public interface MembershipLifecycleUseCase {

    /** Every network; a network that fails is reported and retried at the next run, the others go on. */
    LifecycleReport expireAndRenew(Instant now);

    /** One network. */
    LifecycleReport expireAndRenew(NetworkSlug network, Instant now);

    /** What a run did. */
    record LifecycleReport(int networks, int expired, int renewed, int failedNetworks) {

        public LifecycleReport plus(LifecycleReport other) {
            return new LifecycleReport(networks + other.networks, expired + other.expired, renewed + other.renewed,
                    failedNetworks + other.failedNetworks);
        }
    }
}
