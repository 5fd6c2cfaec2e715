package fr.maillage.adapter.rest.network;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies the network API accepts. Every field is read as given and checked by the command it feeds. */
final class NetworkRequests {

    private NetworkRequests() {
    }

    @Schema(name = "CreateNetwork", description = "A new network (tenant).")
    record Create(
            @Schema(description = "URL handle, 3 to 40 of a-z, 0-9 and single hyphens; never changes",
                    example = "baronnies", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String slug,
            @Schema(description = "Display name, 2 to 120 characters", example = "Innover en Baronnies provençales",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
            @Schema(description = "Département codes (INSEE): 01-95, 2A, 2B, 971-976", example = "[\"26\", \"05\"]",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable List<@Nullable String> territory,
            @Schema(description = "IANA time zone, Europe/Paris when omitted", example = "Europe/Paris")
            @Nullable String timeZone) {
    }

    @Schema(name = "UpdateNetwork", description = "Changes to a network; omitted fields stay as they are.")
    record Update(
            @Schema(example = "Baronnies provençales") @Nullable String name,
            @Schema(example = "[\"26\", \"05\"]") @Nullable List<@Nullable String> territory,
            @Schema(example = "Europe/Paris") @Nullable String timeZone,
            @Schema(description = "Whether operators may sell offers valid in every place of the network "
                    + "(\"pass réseau\")") @Nullable Boolean networkPassesAllowed) {
    }
}
