package fr.maillage.domain.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final Network baronnies = Network.create(new NetworkId(Ids.newId(Clock.fixed(T0, ZoneOffset.UTC))),
            NetworkSlug.of("baronnies"), NetworkName.of("Innover en Baronnies provençales"), Territory.of("26", "05"),
            NetworkTimeZone.EUROPE_PARIS, "org-1", T0);

    @Test
    void a_new_network_is_active_and_unversioned() {
        assertThat(baronnies.status()).isEqualTo(NetworkStatus.ACTIVE);
        assertThat(baronnies.archivedAt()).isNull();
        assertThat(baronnies.version()).isZero();
        assertThat(baronnies.createdAt()).isEqualTo(T0);
    }

    @Test
    void renaming_changes_the_name_and_the_update_time_only() {
        Network renamed = baronnies.rename(NetworkName.of("Baronnies provençales"), T1);
        assertThat(renamed.name().value()).isEqualTo("Baronnies provençales");
        assertThat(renamed.slug()).isEqualTo(baronnies.slug());
        assertThat(renamed.updatedAt()).isEqualTo(T1);
        assertThat(renamed.createdAt()).isEqualTo(T0);
        assertThat(baronnies.name().value()).isEqualTo("Innover en Baronnies provençales");
    }

    @Test
    void a_change_to_the_same_values_is_no_change() {
        assertThat(baronnies.change(NetworkName.of("Innover en Baronnies provençales"), Territory.of("26", "05"),
                NetworkTimeZone.EUROPE_PARIS, T1)).isSameAs(baronnies);
    }

    @Test
    void archiving_is_idempotent_and_freezes_the_network() {
        Network archived = baronnies.archive(T1);
        assertThat(archived.isArchived()).isTrue();
        assertThat(archived.archivedAt()).isEqualTo(T1);
        assertThat(archived.archive(T1.plusSeconds(5))).isSameAs(archived);
        assertThatThrownBy(() -> archived.rename(NetworkName.of("Autre nom"), T1))
                .isInstanceOf(NetworkArchivedException.class);
    }

    @Test
    void network_passes_are_forbidden_until_allowed_and_survive_other_changes() {
        assertThat(baronnies.networkPassesAllowed()).isFalse();
        assertThat(baronnies.allowNetworkPasses(false, T1)).isSameAs(baronnies);
        Network allowing = baronnies.allowNetworkPasses(true, T1);
        assertThat(allowing.networkPassesAllowed()).isTrue();
        assertThat(allowing.updatedAt()).isEqualTo(T1);
        assertThat(allowing).isNotEqualTo(baronnies);
        assertThat(allowing.rename(NetworkName.of("Baronnies provençales"), T1).networkPassesAllowed()).isTrue();
        assertThat(allowing.archive(T1).networkPassesAllowed()).isTrue();
        assertThatThrownBy(() -> allowing.archive(T1).allowNetworkPasses(false, T1))
                .isInstanceOf(NetworkArchivedException.class);
    }

    @Test
    void ids_are_time_ordered_version_7_uuids() {
        var early = Ids.newId(Clock.fixed(T0, ZoneOffset.UTC));
        var late = Ids.newId(Clock.fixed(T1, ZoneOffset.UTC));
        assertThat(early.version()).isEqualTo(7);
        assertThat(early.variant()).isEqualTo(2);
        assertThat(early.compareTo(late)).isNegative();
    }

    @Test
    void a_stored_state_must_be_coherent() {
        assertThatThrownBy(() -> Network.rehydrate(baronnies.id(), baronnies.slug(), baronnies.name(),
                baronnies.territory(), baronnies.timeZone(), NetworkStatus.ARCHIVED, T0, T0, null, "org-1", 3))
                .isInstanceOf(IllegalStateException.class);
    }
}
