package fr.maillage.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.offer.port.in.OfferCommand;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.PlaceCommand;
import fr.maillage.application.shared.Fields;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.offer.Offer;
import fr.maillage.domain.offer.OfferTerms;
import fr.maillage.domain.shared.Slug;
import java.time.Duration;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's operators and places follow every rule the API applies, and sit in their network's territory. */
class DemoSetupTest {

    @Test
    void every_demo_network_has_operators_and_places_that_the_api_would_accept() {
        assertThat(DemoSetup.NETWORKS.keySet()).containsExactlyElementsOf(
                DemoData.NETWORKS.stream().map(n -> n.slug().value()).toList());
        for (CreateNetworkCommand network : DemoData.NETWORKS) {
            List<DemoSetup.DemoOperator> operators = DemoSetup.NETWORKS.get(network.slug().value());
            assertThat(operators).as(network.slug().value()).isNotEmpty();
            Set<String> prefixes = new HashSet<>();
            Set<Slug> slugs = new HashSet<>();
            for (DemoSetup.DemoOperator operator : operators) {
                OperatorCommand command = operator.command();
                assertThat(prefixes.add(command.invoicePrefix().value())).as("prefix %s unique in %s",
                        command.invoicePrefix(), network.slug()).isTrue();
                assertThat(operator.places()).as(command.legalName()).isNotEmpty();
                for (DemoSetup.DemoPlace place : operator.places()) {
                    Fields fields = new Fields();
                    OpeningHours hours = place.hours().parse(fields, "hours", network.timeZone().zone());
                    PlaceCommand parsed = PlaceCommand.parse(place.raw(UUID.randomUUID().toString()), fields);
                    assertThat(hours).as(place.name()).isNotNull();
                    assertThat(hours.weekly().isAlwaysClosed()).as(place.name() + " opens some day").isFalse();
                    assertThat(network.territory().covers(parsed.insee().departement()))
                            .as("%s (%s) is in the territory of %s", place.name(), parsed.insee(), network.slug())
                            .isTrue();
                    assertThat(slugs.add(Slug.fromName(parsed.name()))).as("slug of %s", place.name()).isTrue();
                }
            }
        }
    }

    @Test
    void every_demo_offer_is_one_the_api_would_accept_from_its_operator() {
        Set<String> prefixes = new HashSet<>();
        for (List<DemoSetup.DemoOperator> operators : DemoSetup.NETWORKS.values()) {
            for (DemoSetup.DemoOperator operator : operators) {
                OperatorCommand command = operator.command();
                prefixes.add(command.invoicePrefix().value());
                for (DemoSetup.DemoOffer offer : DemoSetup.OFFERS.getOrDefault(command.invoicePrefix().value(),
                        List.of())) {
                    OfferCommand parsed = OfferCommand.parse(offer.raw(UUID.randomUUID().toString()));
                    Offer.checkVat(command.vatRegime(), parsed.vatRate());
                }
            }
        }
        assertThat(prefixes).as("every demo offer has its operator").containsAll(DemoSetup.OFFERS.keySet());
        OfferCommand card = OfferCommand.parse(DemoSetup.OFFERS.get("CCSB").getFirst().raw(UUID.randomUUID()
                .toString()));
        assertThat(card.terms()).isEqualTo(new OfferTerms.Card(10, Duration.ofHours(3), Period.ofYears(1)));
        assertThat(card.price().cents()).isEqualTo(5000);
    }
}
