package fr.maillage.adapter.rest.offer;

import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferScope;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.place.PlaceId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An offer as the API shows it: the price the member pays (VAT included), its net and VAT parts, the VAT mention of
 * the operator's regime ("TVA non applicable, art. 293 B du CGI" for a franchise) and, for cards, an entry's value.
 */
record OfferResponse(UUID id, UUID operatorId, String name, Terms terms, long priceCents, long netCents,
        long vatCents, @Nullable String vatRate, String vatMention, @Nullable Long entryValueCents, Scope scope,
        boolean archived, boolean sold, long version) {

    record Terms(String type, @Nullable String billing, @Nullable Integer entries, @Nullable String entryDuration,
            @Nullable Long entryMinutes, @Nullable String validity) {
        static Terms of(OfferTerms terms) {
            return switch (terms) {
                case OfferTerms.Subscription s -> new Terms("SUBSCRIPTION", s.billing().name(), null, null, null,
                        null);
                case OfferTerms.Card c -> new Terms("CARD", null, c.entries(), c.entryDuration().toString(),
                        c.entryDuration().toMinutes(), c.validity().toString());
                case OfferTerms.DayPass d -> new Terms("DAY_PASS", null, null, null, null, null);
            };
        }
    }

    record Scope(String type, List<UUID> placeIds) {
        static Scope of(OfferScope scope) {
            return switch (scope) {
                case OfferScope.OperatorPlaces p -> new Scope("OPERATOR_PLACES", List.of());
                case OfferScope.ChosenPlaces p -> new Scope("CHOSEN_PLACES",
                        p.places().stream().map(PlaceId::value).sorted().toList());
                case OfferScope.WholeNetwork p -> new Scope("WHOLE_NETWORK", List.of());
            };
        }
    }

    static OfferResponse of(OfferView view) {
        Offer o = view.offer();
        VatRate rate = o.vatRate();
        return new OfferResponse(o.id(), o.operator().value(), o.name(), Terms.of(o.terms()), o.price().cents(),
                o.netCents(), o.vatCents(), rate == null ? null : rate.toString().replace(" %", ""),
                view.regime().invoiceMention(),
                o.terms() instanceof OfferTerms.Card ? o.entryValue().cents() : null, Scope.of(o.scope()),
                o.archived(), o.sold(), o.version());
    }
}
