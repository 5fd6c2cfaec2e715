package fr.maillage.domain.network;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time zone in which a network's opening hours and visit durations are computed: an IANA region such as
 * {@code Europe/Paris} (the default) or {@code Indian/Reunion}. Fixed offsets ({@code +01:00}) are refused: they
 * ignore daylight-saving time.
 */
public record NetworkTimeZone(ZoneId zone) {

    public static final NetworkTimeZone EUROPE_PARIS = new NetworkTimeZone(ZoneId.of("Europe/Paris"));

    public NetworkTimeZone {
        if (zone instanceof ZoneOffset || !zone.getId().contains("/") || zone.getId().startsWith("Etc/")
                || zone.getId().startsWith("SystemV/")) {
            throw new InvalidValueException("network.time-zone.not-a-region", zone.getId());
        }
    }

    public static NetworkTimeZone of(String id) {
        try {
            return new NetworkTimeZone(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            throw new InvalidValueException("network.time-zone.unknown", id);
        }
    }

    public String id() {
        return zone.getId();
    }

    @Override
    public String toString() {
        return zone.getId();
    }
}
