package fr.maillage.adapter.rest.directory;

import fr.maillage.adapter.rest.shared.ICalendar;
import fr.maillage.application.directory.port.in.PublicDirectoryQuery.Directory;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.domain.hours.DayHours;
import fr.maillage.domain.hours.Opening;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.TimeRange;
import fr.maillage.domain.network.Network;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.place.Place;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the directory of a network in its public formats. Pure functions of the data and the instant. */
final class DirectoryFormats {

    /** The columns of the CSV export, in order (documented in docs/api.md). */
    static final List<String> CSV_COLUMNS = List.of("slug", "name", "kinds", "address", "postal_code", "town",
            "commune", "insee", "departement", "latitude", "longitude", "capacity", "services", "step_free_access",
            "accessible_toilets", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "closed_on_public_holidays", "open_now", "next_opening");

    private DirectoryFormats() {
    }

    /** One place as the public JSON shows it. */
    static Map<String, Object> place(StoredPlace stored, List<Offer> offers, Instant now, String baseUrl,
            String network) {
        Place p = stored.place();
        OpeningHours hours = stored.hours();
        LocalDate today = LocalDate.ofInstant(now, hours.zone());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", p.slug().value());
        json.put("name", p.name());
        json.put("kinds", p.kinds().stream().map(Enum::name).sorted().toList());
        json.put("address", Map.of("line1", p.address().line1(), "line2", String.valueOf(p.address().line2() == null
                ? "" : p.address().line2()), "postalCode", p.address().postalCode(), "town", p.address().town()));
        json.put("commune", p.commune());
        json.put("insee", p.insee().value());
        json.put("departement", p.insee().departement().value());
        json.put("latitude", p.coordinates().latitude());
        json.put("longitude", p.coordinates().longitude());
        json.put("capacity", p.capacity());
        json.put("services", p.services().stream().map(Enum::name).sorted().toList());
        json.put("servicesNote", p.servicesNote());
        json.put("accessibility", accessibility(p));
        json.put("description", Map.of("fr", String.valueOf(p.description().fr() == null ? "" : p.description().fr()),
                "en", String.valueOf(p.description().en() == null ? "" : p.description().en())));
        json.put("timeZone", hours.zone().getId());
        json.put("openNow", hours.isOpenAt(now));
        json.put("nextOpening", hours.nextOpening(now).map(Instant::toString).orElse(null));
        json.put("closesAt", hours.currentClosing(now).map(Instant::toString).orElse(null));
        json.put("today", day(hours.day(today)));
        json.put("week", hours.weekOf(today).days().stream().map(DirectoryFormats::day).toList());
        json.put("calendar", baseUrl + "/api/public/networks/" + network + "/places/" + p.slug().value()
                + "/openings.ics");
        json.put("offers", offers.stream().map(DirectoryFormats::offer).toList());
        return json;
    }

    /** An offer on sale, as the public sees it: its name, kind and price in euros (VAT included). */
    private static Map<String, Object> offer(Offer o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", o.name());
        json.put("kind", switch (o.terms()) {
            case OfferTerms.Subscription s -> "SUBSCRIPTION";
            case OfferTerms.Card c -> "CARD";
            case OfferTerms.DayPass d -> "DAY_PASS";
        });
        json.put("priceEuros", BigDecimal.valueOf(o.price().cents(), 2));
        if (o.terms() instanceof OfferTerms.Subscription s) {
            json.put("billing", s.billing().name());
        }
        if (o.terms() instanceof OfferTerms.Card c) {
            json.put("entries", c.entries());
            json.put("entryDuration", c.entryDuration().toString());
            json.put("validity", c.validity().toString());
        }
        json.put("networkPass", o.scope() instanceof OfferScope.WholeNetwork);
        return json;
    }

    private static Map<String, Object> accessibility(Place p) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("stepFreeAccess", p.accessibility().stepFreeAccess());
        a.put("accessibleToilets", p.accessibility().accessibleToilets());
        a.put("note", p.accessibility().note());
        return a;
    }

    private static Map<String, Object> day(DayHours d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", d.date().toString());
        json.put("dayOfWeek", d.date().getDayOfWeek().name());
        json.put("hours", d.ranges().stream().map(TimeRange::format).toList());
        json.put("source", d.source().name());
        json.put("label", d.label());
        return json;
    }

    /** The directory as JSON. */
    static Map<String, Object> directory(Directory directory, Instant now, String baseUrl) {
        Network network = directory.network();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("network", Map.of("slug", network.slug().value(), "name", network.name().value(),
                "territory", network.territory().codes(), "timeZone", network.timeZone().id()));
        json.put("generatedAt", now.toString());
        json.put("places", directory.places().stream().map(p -> place(p, directory.offersAt(p.place()), now, baseUrl,
                network.slug().value())).toList());
        return json;
    }

    /** The directory as an RFC 7946 FeatureCollection: points in [longitude, latitude] order. */
    static Map<String, Object> geoJson(Directory directory, Instant now, String baseUrl) {
        Network network = directory.network();
        List<Map<String, Object>> features = new ArrayList<>();
        for (StoredPlace stored : directory.places()) {
            Map<String, Object> properties = place(stored, directory.offersAt(stored.place()), now, baseUrl,
                    network.slug().value());
            properties.remove("latitude");
            properties.remove("longitude");
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", stored.place().slug().value());
            feature.put("geometry", Map.of("type", "Point", "coordinates",
                    List.of(stored.place().coordinates().longitude(), stored.place().coordinates().latitude())));
            feature.put("properties", properties);
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    /** The directory as CSV (RFC 4180: comma, double quotes, CRLF), UTF-8, one place a row, weekly hours per day. */
    static byte[] csv(List<StoredPlace> places, Instant now) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (StoredPlace stored : places) {
            Place p = stored.place();
            OpeningHours hours = stored.hours();
            List<String> row = new ArrayList<>(List.of(p.slug().value(), p.name(),
                    p.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining("|")),
                    p.address().line1() + (p.address().line2() == null ? "" : ", " + p.address().line2()),
                    p.address().postalCode(), p.address().town(), p.commune(), p.insee().value(),
                    p.insee().departement().value(), Double.toString(p.coordinates().latitude()),
                    Double.toString(p.coordinates().longitude()), Integer.toString(p.capacity()),
                    p.services().stream().map(Enum::name).sorted().collect(Collectors.joining("|")),
                    Boolean.toString(p.accessibility().stepFreeAccess()),
                    Boolean.toString(p.accessibility().accessibleToilets())));
            for (DayOfWeek day : DayOfWeek.values()) {
                row.add(hours.weekly().on(day).stream().map(TimeRange::format).collect(Collectors.joining(" ")));
            }
            row.add(Boolean.toString(hours.closedOnPublicHolidays()));
            row.add(Boolean.toString(hours.isOpenAt(now)));
            row.add(hours.nextOpening(now).map(Instant::toString).orElse(""));
            out.append(row.stream().map(DirectoryFormats::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvField(String value) {
        // A leading =, +, - or @ would be read as a formula by spreadsheets: quote and prefix it.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** The place's openings of the coming {@code weeks} weeks as an RFC 5545 calendar (UTC times, CRLF, folded). */
    static byte[] ics(StoredPlace stored, Instant now, int weeks) {
        Place p = stored.place();
        Instant from = now.truncatedTo(ChronoUnit.DAYS);
        List<Opening> openings = stored.hours().openingsBetween(from, from.plus(weeks * 7L, ChronoUnit.DAYS));
        ICalendar calendar = ICalendar.of("-//Maillage//Horaires des tiers-lieux//FR", "PUBLISH",
                "Ouvertures de " + p.name(), stored.hours().zone());
        for (Opening opening : openings) {
            calendar.event(e -> e.value("UID", p.id() + "-" + ICalendar.utc(opening.start()) + "@maillage")
                    .time("DTSTAMP", now)
                    .time("DTSTART", opening.start())
                    .time("DTEND", opening.end())
                    .text("SUMMARY", "Ouvert : " + p.name())
                    .text("LOCATION", p.address().oneLine())
                    .value("GEO", p.coordinates().latitude() + ";" + p.coordinates().longitude())
                    .value("TRANSP", "TRANSPARENT"));
        }
        return calendar.toBytes();
    }
}
