package fr.maillage.adapter.rest.setup;

import fr.maillage.application.setup.port.in.OpeningHoursCommand;
import fr.maillage.application.setup.port.out.PlacePort.StoredPlace;
import fr.maillage.domain.hours.DayHours;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.TimeRange;
import fr.maillage.domain.hours.WeekHours;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.operator.Operator;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.place.Place;
import fr.maillage.domain.shared.PostalAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the set-up API answers. */
final class SetupResponses {

    private SetupResponses() {
    }

    record Address(String line1, @Nullable String line2, String postalCode, String town) {
        static Address of(PostalAddress a) {
            return new Address(a.line1(), a.line2(), a.postalCode(), a.town());
        }
    }

    record Vat(String type, List<String> rates, @Nullable String legalBasis, String invoiceMention) {
        static Vat of(VatRegime regime) {
            return switch (regime) {
                case VatRegime.Liable l -> new Vat("LIABLE", l.rates().stream().map(VatRate::toString)
                        .map(s -> s.replace(" %", "")).toList(), null, "");
                case VatRegime.Franchise f -> new Vat("FRANCHISE", List.of(), null, regime.invoiceMention());
                case VatRegime.Exempt e -> new Vat("EXEMPT", List.of(), e.legalBasis(), regime.invoiceMention());
            };
        }
    }

    record OperatorResponse(UUID id, String legalName, String siren, String sirenFormatted, Address address,
            Vat vatRegime, String invoicePrefix, Instant createdAt, Instant updatedAt, long version) {
        static OperatorResponse of(Operator o) {
            return new OperatorResponse(o.id().value(), o.legalName(), o.siren().value(), o.siren().formatted(),
                    Address.of(o.address()), Vat.of(o.vatRegime()), o.invoicePrefix().value(), o.createdAt(),
                    o.updatedAt(), o.version());
        }
    }

    record Day(LocalDate date, String dayOfWeek, List<String> hours, String source, String label) {
        static Day of(DayHours d) {
            return new Day(d.date(), d.date().getDayOfWeek().name(), d.ranges().stream().map(TimeRange::format)
                    .toList(), d.source().name(), d.label());
        }
    }

    record Hours(OpeningHoursCommand definition, String timeZone, boolean openNow, @Nullable Instant nextOpening,
            @Nullable Instant closesAt, List<Day> thisWeek) {
        static Hours of(OpeningHours hours, Clock clock) {
            Instant now = clock.instant();
            WeekHours week = hours.weekOf(LocalDate.now(clock.withZone(hours.zone())));
            return new Hours(OpeningHoursCommand.of(hours), hours.zone().getId(), hours.isOpenAt(now),
                    hours.nextOpening(now).orElse(null), hours.currentClosing(now).orElse(null),
                    week.days().stream().map(Day::of).toList());
        }
    }

    record PlaceResponse(UUID id, UUID operatorId, String slug, String name, List<String> kinds, Address address,
            String commune, String insee, String departement, double latitude, double longitude, int capacity,
            List<String> services, @Nullable String servicesNote, boolean stepFreeAccess, boolean accessibleToilets,
            @Nullable String accessibilityNote, String status, @Nullable String descriptionFr,
            @Nullable String descriptionEn, Hours hours, Instant createdAt, Instant updatedAt, long version) {
        static PlaceResponse of(StoredPlace stored, Clock clock) {
            Place p = stored.place();
            return new PlaceResponse(p.id().value(), p.operator().value(), p.slug().value(), p.name(),
                    p.kinds().stream().map(Enum::name).sorted().toList(), Address.of(p.address()), p.commune(),
                    p.insee().value(), p.insee().departement().value(), p.coordinates().latitude(),
                    p.coordinates().longitude(), p.capacity(), p.services().stream().map(Enum::name).sorted().toList(),
                    p.servicesNote(), p.accessibility().stepFreeAccess(), p.accessibility().accessibleToilets(),
                    p.accessibility().note(), p.status().name(), p.description().fr(), p.description().en(),
                    Hours.of(stored.hours(), clock), p.createdAt(), p.updatedAt(), p.version());
        }
    }

}
