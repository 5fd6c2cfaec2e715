package fr.maillage.adapter.rest.shared;

import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.place.PlaceId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How the API shows an offer's terms, scope and VAT rate: the same for an offer and for what a membership sold. */
public final class OfferParts {

    private OfferParts() {
    }

    public record Terms(String type, @Nullable String billing, @Nullable Integer entries,
            @Nullable String entryDuration, @Nullable Long entryMinutes, @Nullable String validity) {

        public static Terms of(OfferTerms terms) {
            return switch (terms) {
                case OfferTerms.Subscription s -> new Terms("SUBSCRIPTION", s.billing().name(), null, null, null,
                        null);
                case OfferTerms.Card c -> new Terms("CARD", null, c.entries(), c.entryDuration().toString(),
                        c.entryDuration().toMinutes(), c.validity().toString());
                case OfferTerms.DayPass d -> new Terms("DAY_PASS", null, null, null, null, null);
            };
        }
    }

    public record Scope(String type, List<UUID> placeIds) {

        public static Scope of(OfferScope scope) {
            return switch (scope) {
                case OfferScope.OperatorPlaces p -> new Scope("OPERATOR_PLACES", List.of());
                case OfferScope.ChosenPlaces p -> new Scope("CHOSEN_PLACES",
                        p.places().stream().map(PlaceId::value).sorted().toList());
                case OfferScope.WholeNetwork p -> new Scope("WHOLE_NETWORK", List.of());
            };
        }
    }

    /** "5.5" for 5.5 %, as the API reads and writes rates; none for an offer without VAT. */
    public static @Nullable String vatRate(@Nullable VatRate rate) {
        return rate == null ? null : rate.toString().replace(" %", "");
    }
}
