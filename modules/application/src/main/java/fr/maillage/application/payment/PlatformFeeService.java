package fr.maillage.application.payment;

import fr.maillage.application.access.AccessPolicy;
import fr.maillage.application.access.Permission;
import fr.maillage.application.audit.AuditLog;
import fr.maillage.application.payment.port.in.PlatformFeeUseCase;
import fr.maillage.application.payment.port.in.SetPlatformFeeCommand;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort;
import fr.maillage.application.payment.port.out.OnlinePaymentStorePort.PlatformFee;
import fr.maillage.application.shared.Caller;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.network.NetworkSlug;
import java.util.Map;

/** The platform's fee per network: read by animators and managers, set and removed by platform admins, audited. */
public final class PlatformFeeService implements PlatformFeeUseCase {

    private final AccessPolicy access;
    private final OnlinePaymentStorePort store;
    private final AuditLog audit;

    public PlatformFeeService(AccessPolicy access, OnlinePaymentStorePort store, AuditLog audit) {
        this.access = access;
        this.store = store;
        this.audit = audit;
    }

    @Override
    public PlatformFee platformFee(Caller caller, NetworkSlug network) {
        return access.inNetwork(caller, network, Permission.BILLING, true, granted -> store.platformFee());
    }

    @Override
    public PlatformFee setPlatformFee(Caller caller, NetworkSlug network, SetPlatformFeeCommand.Raw raw) {
        return access.inNetwork(caller, network, Permission.MANAGE_PLATFORM_FEE, false, granted -> {
            Network n = granted.writableNetwork();
            PlatformFee fee = SetPlatformFeeCommand.parse(raw).fee();
            PlatformFee before = store.platformFee();
            if (fee.equals(before)) {
                return before;
            }
            store.setPlatformFee(fee);
            audit.record(n.id(), caller, "network.platform-fee.set", n.slug().value(), Map.of(
                    "fixedCents", Long.toString(fee.fixedCents()), "perMille", Integer.toString(fee.perMille()),
                    "previousFixedCents", Long.toString(before.fixedCents()),
                    "previousPerMille", Integer.toString(before.perMille())));
            return fee;
        });
    }

    @Override
    public void removePlatformFee(Caller caller, NetworkSlug network) {
        access.inNetwork(caller, network, Permission.MANAGE_PLATFORM_FEE, false, granted -> {
            Network n = granted.writableNetwork();
            PlatformFee before = store.platformFee();
            if (store.removePlatformFee()) {
                audit.record(n.id(), caller, "network.platform-fee.removed", n.slug().value(), Map.of(
                        "previousFixedCents", Long.toString(before.fixedCents()),
                        "previousPerMille", Integer.toString(before.perMille())));
            }
            return Boolean.TRUE;
        });
    }
}
