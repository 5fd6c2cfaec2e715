package fr.maillage.application.network.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.network.DepartementCode;
import fr.maillage.domain.network.NetworkName;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.network.NetworkTimeZone;
import fr.maillage.domain.network.Territory;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Create a network: its slug, name, territory and time zone (Europe/Paris unless said otherwise). */
public record CreateNetworkCommand(NetworkSlug slug, NetworkName name, Territory territory, NetworkTimeZone timeZone) {

    public CreateNetworkCommand {
        Objects.requireNonNull(slug);
        Objects.requireNonNull(name);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(timeZone);
    }

    /** Reads the command from raw input, reporting every bad field at once. */
    public static CreateNetworkCommand parse(@Nullable String slug, @Nullable String name,
            @Nullable List<@Nullable String> territory, @Nullable String timeZone) {
        Fields fields = new Fields();
        NetworkSlug s = fields.required("slug", slug, NetworkSlug::of);
        NetworkName n = fields.required("name", name, NetworkName::of);
        Territory t = parseTerritory(fields, territory, true);
        NetworkTimeZone z = fields.optional("timeZone", timeZone, NetworkTimeZone::of);
        fields.throwIfInvalid();
        return new CreateNetworkCommand(Objects.requireNonNull(s), Objects.requireNonNull(n), Objects.requireNonNull(t),
                z == null ? NetworkTimeZone.EUROPE_PARIS : z);
    }

    static @Nullable Territory parseTerritory(Fields fields, @Nullable List<@Nullable String> raw, boolean required) {
        if (raw == null) {
            if (required) {
                fields.reject("territory", "field.required");
            }
            return null;
        }
        var codes = fields.eachOf("territory", raw, DepartementCode::of);
        return codes == null ? null : fields.optional("territory", codes, Territory::new);
    }
}
