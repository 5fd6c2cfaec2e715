package fr.maillage.domain.network;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A network of tiers-lieux: the tenant. Immutable: every change returns a new state, which the application saves
 * with optimistic locking on {@link #version()}.
 */
public final class Network {

    private final NetworkId id;
    private final NetworkSlug slug;
    private final NetworkName name;
    private final Territory territory;
    private final NetworkTimeZone timeZone;
    private final NetworkStatus status;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final @Nullable Instant archivedAt;
    private final @Nullable String organizationId;
    private final boolean networkPassesAllowed;
    private final long version;

    private Network(NetworkId id, NetworkSlug slug, NetworkName name, Territory territory, NetworkTimeZone timeZone,
            NetworkStatus status, Instant createdAt, Instant updatedAt, @Nullable Instant archivedAt,
            @Nullable String organizationId, boolean networkPassesAllowed, long version) {
        this.id = Objects.requireNonNull(id);
        this.slug = Objects.requireNonNull(slug);
        this.name = Objects.requireNonNull(name);
        this.territory = Objects.requireNonNull(territory);
        this.timeZone = Objects.requireNonNull(timeZone);
        this.status = Objects.requireNonNull(status);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.archivedAt = archivedAt;
        this.organizationId = organizationId;
        this.networkPassesAllowed = networkPassesAllowed;
        this.version = version;
        if ((status == NetworkStatus.ARCHIVED) != (archivedAt != null)) {
            throw new IllegalStateException("archivedAt is set exactly when the network is archived");
        }
    }

    /**
     * A new, active network.
     *
     * @param organizationId the id of its organization in the identity provider (whose alias is the slug)
     */
    public static Network create(NetworkId id, NetworkSlug slug, NetworkName name, Territory territory,
            NetworkTimeZone timeZone, @Nullable String organizationId, Instant now) {
        return new Network(id, slug, name, territory, timeZone, NetworkStatus.ACTIVE, now, now, null, organizationId,
                false, 0);
    }

    /** A network as it was stored (for persistence adapters). */
    public static Network rehydrate(NetworkId id, NetworkSlug slug, NetworkName name, Territory territory,
            NetworkTimeZone timeZone, NetworkStatus status, Instant createdAt, Instant updatedAt,
            @Nullable Instant archivedAt, @Nullable String organizationId, long version) {
        return rehydrate(id, slug, name, territory, timeZone, status, createdAt, updatedAt, archivedAt,
                organizationId, false, version);
    }

    /** A network as it was stored, with whether it allows network passes (for persistence adapters). */
    public static Network rehydrate(NetworkId id, NetworkSlug slug, NetworkName name, Territory territory,
            NetworkTimeZone timeZone, NetworkStatus status, Instant createdAt, Instant updatedAt,
            @Nullable Instant archivedAt, @Nullable String organizationId, boolean networkPassesAllowed,
            long version) {
        return new Network(id, slug, name, territory, timeZone, status, createdAt, updatedAt, archivedAt,
                organizationId, networkPassesAllowed, version);
    }

    /** Records the network's organization (for networks created before organizations existed). */
    public Network withOrganization(String newOrganizationId, Instant now) {
        if (newOrganizationId.equals(organizationId)) {
            return this;
        }
        return new Network(id, slug, name, territory, timeZone, status, createdAt, now, archivedAt, newOrganizationId,
                networkPassesAllowed, version);
    }

    /**
     * Applies the given changes (a {@code null} leaves that attribute as it is). An archived network refuses any
     * change; a change to the same values returns this very network (no new version).
     */
    public Network change(@Nullable NetworkName newName, @Nullable Territory newTerritory,
            @Nullable NetworkTimeZone newTimeZone, Instant now) {
        if (status == NetworkStatus.ARCHIVED) {
            throw new NetworkArchivedException(slug);
        }
        NetworkName n = newName == null ? name : newName;
        Territory t = newTerritory == null ? territory : newTerritory;
        NetworkTimeZone z = newTimeZone == null ? timeZone : newTimeZone;
        if (n.equals(name) && t.equals(territory) && z.equals(timeZone)) {
            return this;
        }
        return new Network(id, slug, n, t, z, status, createdAt, now, null, organizationId, networkPassesAllowed,
                version);
    }

    /**
     * Allows or forbids offers valid in every place of the network ("pass réseau"). An archived network refuses any
     * change; the same value returns this very network.
     */
    public Network allowNetworkPasses(boolean allowed, Instant now) {
        if (status == NetworkStatus.ARCHIVED) {
            throw new NetworkArchivedException(slug);
        }
        if (allowed == networkPassesAllowed) {
            return this;
        }
        return new Network(id, slug, name, territory, timeZone, status, createdAt, now, null, organizationId, allowed,
                version);
    }

    /** Whether operators may sell offers valid in every place of the network. */
    public boolean networkPassesAllowed() {
        return networkPassesAllowed;
    }

    public Network rename(NetworkName newName, Instant now) {
        return change(newName, null, null, now);
    }

    /** Archives the network; archiving an archived network changes nothing. */
    public Network archive(Instant now) {
        if (status == NetworkStatus.ARCHIVED) {
            return this;
        }
        return new Network(id, slug, name, territory, timeZone, NetworkStatus.ARCHIVED, createdAt, now, now,
                organizationId, networkPassesAllowed, version);
    }

    public boolean isArchived() {
        return status == NetworkStatus.ARCHIVED;
    }

    public NetworkId id() {
        return id;
    }

    public NetworkSlug slug() {
        return slug;
    }

    public NetworkName name() {
        return name;
    }

    public Territory territory() {
        return territory;
    }

    public NetworkTimeZone timeZone() {
        return timeZone;
    }

    public NetworkStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant archivedAt() {
        return archivedAt;
    }

    /** The id of the network's organization in the identity provider; {@code null} only for very old networks. */
    public @Nullable String organizationId() {
        return organizationId;
    }

    /** The version this state was loaded at (0 for a network never stored). */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Network other && id.equals(other.id) && version == other.version
                && slug.equals(other.slug) && name.equals(other.name) && territory.equals(other.territory)
                && timeZone.equals(other.timeZone) && status == other.status
                && networkPassesAllowed == other.networkPassesAllowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Network[" + slug + ", " + status + ", v" + version + "]";
    }
}
