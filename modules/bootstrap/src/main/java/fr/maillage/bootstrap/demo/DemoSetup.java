package fr.maillage.bootstrap.demo;

import fr.maillage.application.offer.port.in.OfferCommand;
import fr.maillage.application.offer.port.in.OfferCommand.ScopeInput;
import fr.maillage.application.offer.port.in.OfferCommand.TermsInput;
import fr.maillage.application.setup.port.in.OpeningHoursCommand;
import fr.maillage.application.setup.port.in.OperatorCommand;
import fr.maillage.application.setup.port.in.OperatorCommand.AddressInput;
import fr.maillage.application.setup.port.in.OperatorCommand.VatInput;
import fr.maillage.application.setup.port.in.PlaceCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The operators and places of the demo networks, from the field material. SIREN numbers are made up (with a valid
 * Luhn key): they are not the real ones of these bodies.
 */
final class DemoSetup {

    private DemoSetup() {
    }

    /** An operator of a demo network and the places it runs. */
    record DemoOperator(OperatorCommand.Raw raw, List<DemoPlace> places) {

        /** Read as the API reads it. */
        OperatorCommand command() {
            return OperatorCommand.parse(raw);
        }
    }

    /** A place, its details without the operator (known once the operator exists), and its hours. */
    record DemoPlace(String name, List<String> kinds, AddressInput address, String commune, String insee,
            double latitude, double longitude, int capacity, List<String> services, String description,
            OpeningHoursCommand hours) {

        PlaceCommand.Raw raw(String operatorId) {
            return new PlaceCommand.Raw(operatorId, null, name, kinds, address, commune, insee, latitude, longitude,
                    capacity, services, null, true, false, null, "OPEN", description, null);
        }
    }

    /** An offer of a demo operator (the operator's id is known once it exists). */
    record DemoOffer(String name, TermsInput terms, long priceCents, @Nullable String vatRate) {

        OfferCommand.Raw raw(String operatorId) {
            return new OfferCommand.Raw(operatorId, name, terms, priceCents, vatRate,
                    new ScopeInput("OPERATOR_PLACES", null));
        }
    }

    /**
     * The offers of the demo operators, by invoice prefix: La Serre's card of 10 entries of 3 hours for 50 € (valid
     * one year), and a few others (VAT included; liable operators name one of their rates).
     */
    static final Map<String, List<DemoOffer>> OFFERS = Map.of(
            "CCSB", List.of(new DemoOffer("Carte 10 entrées", card(10, "PT3H", "P1Y"), 5_000, null),
                    new DemoOffer("Journée", dayPass(), 800, null)),
            "LOCO", List.of(new DemoOffer("Pass journée", dayPass(), 1_200, "20"),
                    new DemoOffer("Abonnement nomade", new TermsInput("SUBSCRIPTION", "MONTHLY", null, null, null),
                            14_400, "20"),
                    new DemoOffer("Carte 10 demi-journées", card(10, "PT4H", "P6M"), 9_000, "20")),
            "TUVES", List.of(new DemoOffer("Adhésion coworking à l’année",
                    new TermsInput("SUBSCRIPTION", "YEARLY", null, null, null), 36_000, null)),
            "SOLOZ", List.of(new DemoOffer("Carte 5 journées", card(5, "PT8H", "P1Y"), 6_000, "20")),
            "VALEY", List.of(new DemoOffer("Carte 10 demi-journées", card(10, "PT4H", "P1Y"), 4_000, null),
                    new DemoOffer("Journée", dayPass(), 800, null)),
            "FABRIQ", List.of(new DemoOffer("Adhésion atelier à l’année",
                    new TermsInput("SUBSCRIPTION", "YEARLY", null, null, null), 2_000, null),
                    new DemoOffer("Séance d’atelier", dayPass(), 500, null)));

    private static TermsInput card(int entries, String duration, String validity) {
        return new TermsInput("CARD", null, entries, duration, validity);
    }

    private static TermsInput dayPass() {
        return new TermsInput("DAY_PASS", null, null, null, null);
    }

    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    /** The set-up of each demo network, by slug. */
    static final Map<String, List<DemoOperator>> NETWORKS = networks();

    private static Map<String, List<DemoOperator>> networks() {
        Map<String, List<DemoOperator>> networks = new LinkedHashMap<>();
        networks.put("baronnies", List.of(
                new DemoOperator(operator("Communauté de communes du Sisteronais-Buëch", "200068765",
                        address("1 place de la République", "04200", "Sisteron"), franchise(), "CCSB"),
                        List.of(new DemoPlace("La Serre", List.of("COWORKING", "FRANCE_SERVICES"),
                                address("Place du Lac", "05700", "Serres"), "Serres", "05166", 44.4297, 5.7167, 12,
                                List.of("WIFI", "PRINTER", "SCANNER", "MEETING_ROOM", "DIGITAL_HELP"),
                                "Maison de services au public (MSAP) de la communauté de communes du Serrois, devenue "
                                        + "France Services, avec un espace de coworking.",
                                hours(Map.of("MONDAY", List.of("09:00-17:00"), "TUESDAY", List.of("09:00-17:00"),
                                        "THURSDAY", List.of("14:00-17:00")))))),
                new DemoOperator(operator("Association Les Tuves", "779384320",
                        address("Quartier Les Tuves", "26170", "Buis-les-Baronnies"),
                        exempt("Exonération de TVA, art. 261, 7-1° du CGI"), "TUVES"),
                        List.of(new DemoPlace("Les Tuves", List.of("COWORKING", "FAB_LAB"),
                                address("Quartier Les Tuves", "26170", "Buis-les-Baronnies"), "Buis-les-Baronnies",
                                "26063", 44.2747, 5.2714, 15,
                                List.of("WIFI", "FIBRE", "THREE_D_PRINTER", "WOODWORKING", "KITCHEN"),
                                "Tiers-lieu des Baronnies : coworking, atelier partagé et fab lab.",
                                hours(every(List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                        List.of("09:00-12:30", "14:00-18:00")))))),
                new DemoOperator(operator("La Locomotive SCIC", "200072858", address("Avenue Émile Didier", "05000",
                        "Gap"), liable("20", "10", "5.5"), "LOCO"),
                        List.of(new DemoPlace("La Locomotive", List.of("COWORKING"),
                                address("Avenue Émile Didier", "05000", "Gap"), "Gap", "05061", 44.5594, 6.0786, 40,
                                List.of("WIFI", "FIBRE", "MEETING_ROOM", "VIDEOCONFERENCE", "PHONE_BOOTH", "COFFEE"),
                                "Espace de coworking au cœur de Gap, près de la gare.",
                                hours(every(WEEKDAYS, List.of("08:30-18:30"))))))));
        networks.put("drome", List.of(
                new DemoOperator(operator("Communauté de communes Val’Eyrieux", "200040673",
                        address("10 allée du Château", "07160", "Le Cheylard"), franchise(), "VALEY"),
                        List.of(new DemoPlace("Coworking de Vernoux", List.of("COWORKING", "TELECENTRE"),
                                address("Place de l’Hôtel de Ville", "07240", "Vernoux-en-Vivarais"),
                                "Vernoux-en-Vivarais", "07338", 44.8961, 4.6453, 10,
                                List.of("WIFI", "FIBRE", "PRINTER", "MEETING_ROOM"),
                                "Espace de coworking de Vernoux-en-Vivarais, en Ardèche, membre du réseau drômois.",
                                hours(every(List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"),
                                        List.of("09:00-17:30")))))),
                new DemoOperator(operator("Association La Fabrique", "784143273", address("Promenade des Anglais",
                        "26110", "Nyons"), exempt("Exonération de TVA, art. 261, 7-1° b du CGI"), "FABRIQ"),
                        List.of(new DemoPlace("Recyclerie La Fabrique", List.of("FAB_LAB", "OTHER"),
                                address("Promenade des Anglais", "26110", "Nyons"), "Nyons", "26220", 44.3606, 5.1406,
                                20, List.of("WOODWORKING", "SEWING_MACHINE", "ELECTRONICS_BENCH", "EVENT_SPACE"),
                                "Recyclerie et atelier de réparation partagé.",
                                hours(every(List.of("WEDNESDAY", "SATURDAY"), List.of("09:00-12:00",
                                        "14:00-18:00"))))))));
        networks.put("solozere", List.of(
                new DemoOperator(operator("Association SoLozère", "823185640", address("Rue de l’Ange", "48000",
                        "Mende"), liable("20"), "SOLOZ"),
                        List.of(new DemoPlace("Télécentre de Mende", List.of("TELECENTRE", "COWORKING"),
                                        address("Rue de l’Ange", "48000", "Mende"), "Mende", "48095", 44.5181, 3.5006,
                                        14, List.of("WIFI", "FIBRE", "PRINTER", "MEETING_ROOM", "VIDEOCONFERENCE"),
                                        "Télécentre du réseau SoLozère à Mende.",
                                        hours(every(WEEKDAYS, List.of("09:00-12:00", "13:30-17:30")))),
                                new DemoPlace("Télécentre de Marvejols", List.of("TELECENTRE"),
                                        address("Place du Soubeyran", "48100", "Marvejols"), "Marvejols", "48092",
                                        44.5540, 3.2910, 8, List.of("WIFI", "PRINTER", "PHONE_BOOTH"),
                                        "Télécentre du réseau SoLozère à Marvejols.",
                                        hours(every(List.of("TUESDAY", "WEDNESDAY", "THURSDAY"),
                                                List.of("09:00-12:00", "13:30-17:00"))))))));
        return networks;
    }

    private static OperatorCommand.Raw operator(String legalName, String siren, AddressInput address, VatInput vat,
            String prefix) {
        return new OperatorCommand.Raw(legalName, siren, address, vat, prefix);
    }

    private static AddressInput address(String line1, String postalCode, String town) {
        return new AddressInput(line1, null, postalCode, town);
    }

    private static VatInput franchise() {
        return new VatInput("FRANCHISE", null, null);
    }

    private static VatInput exempt(String legalBasis) {
        return new VatInput("EXEMPT", null, legalBasis);
    }

    private static VatInput liable(String... rates) {
        return new VatInput("LIABLE", List.of(rates), null);
    }

    private static Map<String, List<String>> every(List<String> days, List<String> ranges) {
        Map<String, List<String>> week = new LinkedHashMap<>();
        days.forEach(day -> week.put(day, ranges));
        return week;
    }

    /** Closed on public holidays, no exception. */
    private static OpeningHoursCommand hours(Map<String, List<String>> weekly) {
        return new OpeningHoursCommand(new LinkedHashMap<>(weekly), List.of(), true);
    }
}
