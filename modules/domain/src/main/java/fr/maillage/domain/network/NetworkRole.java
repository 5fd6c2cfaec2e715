package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * What a person may do in a network. A person may hold several roles in one network, and roles in several networks
 * with one login.
 */
public enum NetworkRole {
    /** Administers the network: its settings, its people, its places; reads the audit log and the reports. */
    ANIMATOR,
    /** Runs places of the network: sales, check-ins, invoices (scoped to operators later). */
    MANAGER,
    /** Uses the network: buys cards and subscriptions, checks in, books. */
    MEMBER;

    public static NetworkRole of(String raw) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("network.role.unknown", raw);
        }
    }
}
