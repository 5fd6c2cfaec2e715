package fr.maillage.bootstrap.it;

import fr.maillage.application.membership.MembershipEventListener;
import fr.maillage.domain.membership.MembershipEvent;
import fr.maillage.domain.network.NetworkId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * A listener of membership events that exists only in the tests (scanned from the test classes) and does nothing
 * unless armed: armed for a membership, it throws once on that membership's next recorded payment, inside the
 * transaction that records it, as a crash of a module following memberships would (a real seam: the listener chain).
 */
@Component
class InjectedFailure implements MembershipEventListener {

    private static final AtomicReference<String> ARMED = new AtomicReference<>();

    /** The next payment recorded on this membership fails once. */
    static void armFor(String membership) {
        ARMED.set(membership);
    }

    static void disarm() {
        ARMED.set(null);
    }

    @Override
    public void on(NetworkId network, MembershipEvent event) {
        String armed = ARMED.get();
        if (armed != null && event instanceof MembershipEvent.PaymentRecorded
                && event.membership().toString().equals(armed) && ARMED.compareAndSet(armed, null)) {
            throw new IllegalStateException("injected failure while applying a payment of " + armed);
        }
    }
}
