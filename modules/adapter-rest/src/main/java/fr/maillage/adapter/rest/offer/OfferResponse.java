package fr.maillage.adapter.rest.offer;

import fr.maillage.adapter.rest.shared.OfferParts;
import fr.maillage.adapter.rest.shared.OfferParts.Scope;
import fr.maillage.adapter.rest.shared.OfferParts.Terms;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferTerms;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An offer as the API shows it: the price the member pays (VAT included), its net and VAT parts, the VAT mention of
 * the operator's regime ("TVA non applicable, art. 293 B du CGI" for a franchise) and, for cards, an entry's value.
 */
record OfferResponse(UUID id, UUID operatorId, String name, Terms terms, long priceCents, long netCents,
        long vatCents, @Nullable String vatRate, String vatMention, @Nullable Long entryValueCents, Scope scope,
        boolean archived, boolean sold, long version) {

    static OfferResponse of(OfferView view) {
        Offer o = view.offer();
        VatRate rate = o.vatRate();
        return new OfferResponse(o.id(), o.operator().value(), o.name(), Terms.of(o.terms()), o.price().cents(),
                o.netCents(), o.vatCents(), OfferParts.vatRate(rate),
                view.regime().invoiceMention(),
                o.terms() instanceof OfferTerms.Card ? o.entryValue().cents() : null, Scope.of(o.scope()),
                o.archived(), o.sold(), o.version());
    }
}
