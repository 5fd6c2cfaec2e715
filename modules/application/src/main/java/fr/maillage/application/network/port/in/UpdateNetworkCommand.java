package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.network.NetworkName;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkTimeZone;
import fr.maillage.domain.network.Territory;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Change a network's name, territory, time zone or whether it allows network passes (what is {@code null} stays as
 * it is; at least one is given).
 *
 * @param expectedVersion the version the caller read (an {@code If-Match} precondition), or {@code null} to skip
 *        that check
 */
public record UpdateNetworkCommand(NetworkSlug slug, @Nullable NetworkName name, @Nullable Territory territory,
        @Nullable NetworkTimeZone timeZone, @Nullable Boolean networkPassesAllowed, @Nullable Long expectedVersion) {

    public UpdateNetworkCommand {
        Objects.requireNonNull(slug);
        if (name == null && territory == null && timeZone == null && networkPassesAllowed == null) {
            throw new IllegalArgumentException("an update changes something");
        }
    }

    public static UpdateNetworkCommand rename(NetworkSlug slug, NetworkName name) {
        return new UpdateNetworkCommand(slug, name, null, null, null, null);
    }

    public static UpdateNetworkCommand parse(NetworkSlug slug, @Nullable String name,
            @Nullable List<@Nullable String> territory, @Nullable String timeZone,
            @Nullable Boolean networkPassesAllowed, @Nullable Long expectedVersion) {
        Fields fields = new Fields();
        NetworkName n = fields.optional("name", name, NetworkName::of);
        Territory t = CreateNetworkCommand.parseTerritory(fields, territory, false);
        NetworkTimeZone z = fields.optional("timeZone", timeZone, NetworkTimeZone::of);
        if (name == null && territory == null && timeZone == null && networkPassesAllowed == null) {
            fields.reject("", "network.update.empty");
        }
        fields.throwIfInvalid();
        return new UpdateNetworkCommand(slug, n, t, z, networkPassesAllowed, expectedVersion);
    }
}
