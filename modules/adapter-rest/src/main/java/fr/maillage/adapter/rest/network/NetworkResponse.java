package fr.maillage.adapter.rest.network;

import fr.maillage.domain.network.Network;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(name = "Network", description = "A network of tiers-lieux (a tenant).")
record NetworkResponse(UUID id, String slug, String name, List<String> territory, String timeZone,
        @Schema(allowableValues = {"ACTIVE", "ARCHIVED"}) String status, Instant createdAt, Instant updatedAt,
        @Nullable Instant archivedAt,
        @Schema(description = "Whether operators may sell offers valid in every place (\"pass réseau\")")
        boolean networkPassesAllowed,
        @Schema(description = "Changes with every update; send it back in If-Match to update safely") long version) {

    static NetworkResponse of(Network n) {
        return new NetworkResponse(n.id().value(), n.slug().value(), n.name().value(), n.territory().codes(),
                n.timeZone().id(), n.status().name(), n.createdAt(), n.updatedAt(), n.archivedAt(), n.networkPassesAllowed(),
                n.version());
    }
}
