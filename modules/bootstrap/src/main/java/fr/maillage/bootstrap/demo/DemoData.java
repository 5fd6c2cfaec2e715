package fr.maillage.bootstrap.demo;

import fr.maillage.adapter.keycloak.KeycloakDemoAccounts;
import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.people.port.in.InvitePersonCommand;
import fr.maillage.application.people.port.in.InvitePersonUseCase;
import fr.maillage.application.setup.port.in.ManageOperatorsUseCase;
import fr.maillage.application.offer.port.in.ManageOffersUseCase;
import fr.maillage.application.setup.port.in.ManagePlacesUseCase;
import fr.maillage.application.setup.port.in.OperatorsQuery;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.PageRequest;
import fr.maillage.domain.operator.OperatorId;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.network.NetworkRole;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.application.offer.port.out.OfferPort.OfferView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: the three networks of the field material, created through the use cases (so every rule
 * applies) when they do not exist yet, with their operators, places and offers (see {@link DemoSetup}) and their
 * resources, members, memberships and bookings (see {@link DemoActivity}) when they have no operator yet, and demo accounts for each persona in each network, with a known password; each network's demo
 * manager runs its operators.
 */
@Component
@Profile("demo")
public class DemoData implements ApplicationRunner {

    public static final String PASSWORD = "maillage-demo";
    /** The account a full demo load creates last. */
    static final String LAST_ACCOUNT = "nomade@maillage.test";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Caller SYSTEM = Caller.system("demo-data");

    static final List<CreateNetworkCommand> NETWORKS = List.of(
            CreateNetworkCommand.parse("baronnies", "Innover en Baronnies provençales", List.of("26", "05"),
                    "Europe/Paris"),
            CreateNetworkCommand.parse("drome", "Tiers-lieux de la Drôme (Pôle Numérique, Cédille)",
                    List.of("26", "07"), "Europe/Paris"),
            CreateNetworkCommand.parse("solozere", "SoLozère, les télécentres de Lozère", List.of("48"),
                    "Europe/Paris"));

    private record Account(String email, String firstName, String lastName) {
    }

    private final CreateNetworkUseCase createNetwork;
    private final FindNetworksQuery findNetworks;
    private final InvitePersonUseCase invite;
    private final ManageOperatorsUseCase manageOperators;
    private final OperatorsQuery operators;
    private final ManagePlacesUseCase managePlaces;
    private final ManageOffersUseCase manageOffers;
    private final DemoActivity activity;
    private final ObjectProvider<KeycloakDemoAccounts> accounts;
    private final Environment environment;

    public DemoData(CreateNetworkUseCase createNetwork, FindNetworksQuery findNetworks, InvitePersonUseCase invite,
            ManageOperatorsUseCase manageOperators, OperatorsQuery operators, ManagePlacesUseCase managePlaces,
            ManageOffersUseCase manageOffers, DemoActivity activity, ObjectProvider<KeycloakDemoAccounts> accounts,
            Environment environment) {
        this.createNetwork = createNetwork;
        this.findNetworks = findNetworks;
        this.invite = invite;
        this.manageOperators = manageOperators;
        this.operators = operators;
        this.managePlaces = managePlaces;
        this.manageOffers = manageOffers;
        this.activity = activity;
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (CreateNetworkCommand network : NETWORKS) {
            try {
                findNetworks.getNetwork(SYSTEM, network.slug());
            } catch (NotFoundException absent) {
                createNetwork.createNetwork(SYSTEM, network);
                created++;
            }
        }
        LOG.info("Demo data: {} network(s) created, {} already there.", created, NETWORKS.size() - created);
        Map<String, SetUp> setUpNow = new LinkedHashMap<>();
        for (CreateNetworkCommand network : NETWORKS) {
            NetworkSlug slug = network.slug();
            if (operators.operators(SYSTEM, slug, PageRequest.of(0, 1)).totalItems() == 0) {
                SetUp setUp = setUp(slug, DemoSetup.NETWORKS.getOrDefault(slug.value(), List.of()));
                activity.populate(slug, slug.value(), setUp.offers(), setUp.rooms());
                setUpNow.put(slug.value(), setUp);
            }
        }
        LOG.info("Demo data: operators, places, resources, members, memberships and bookings set up in {} "
                + "network(s).", setUpNow.size());
        KeycloakDemoAccounts keycloak = accounts.getIfAvailable();
        if (keycloak == null) {
            return;
        }
        // A demo already loaded (networks, places and the last account of a full run there) is not checked again
        // account by account: that costs some forty calls to Keycloak at every start.
        boolean seeded = created == 0 && setUpNow.isEmpty() && keycloak.hasAccount(LAST_ACCOUNT);
        if (!seeded) {
            keycloak.ensureDevClient();
            keycloak.ensureAccount("admin@maillage.test", PASSWORD, "Camille", "Plateforme", true);
        }
        StringBuilder table = new StringBuilder();
        for (CreateNetworkCommand network : NETWORKS) {
            String slug = network.slug().value();
            grant(keycloak, new Account("animation@" + slug + ".maillage.test", "Alix", "Animation"), slug,
                    NetworkRole.ANIMATOR, table, seeded);
            String manager = grant(keycloak, new Account("gestion@" + slug + ".maillage.test", "Gabriel", "Gestion"),
                    slug, NetworkRole.MANAGER, table, seeded);
            if (setUpNow.containsKey(slug)) {
                manageOperators.setManagerOperators(SYSTEM, network.slug(), manager,
                        setUpNow.get(slug).operators().stream().map(OperatorId::toString).toList());
            }
            String member = "membre@" + slug + ".maillage.test";
            grant(keycloak, new Account(member, "Morgane", "Membre"), slug, NetworkRole.MEMBER, table, seeded);
            if (setUpNow.containsKey(slug) && !seeded) {
                activity.equipAccount(network.slug(), member, setUpNow.get(slug).offers());
            }
        }
        Account nomad = new Account(LAST_ACCOUNT, "Noé", "Nomade");
        grant(keycloak, nomad, "baronnies", NetworkRole.MEMBER, table, seeded);
        grant(keycloak, nomad, "solozere", NetworkRole.MEMBER, table, seeded);
        String keycloakUrl = environment.getProperty("maillage.identity.keycloak.url", "http://localhost:8180");
        String port = environment.getProperty("local.server.port", "8080");
        LOG.info("""
                Demo accounts (password "{}"): admin@maillage.test (platform admin)
                {}Get a token and call the API:
                  TOKEN=$(curl -s -d grant_type=password -d client_id={} -d 'scope=openid organization:*' \\
                    -d username=nomade@maillage.test -d password={} \\
                    {}/realms/maillage/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -H "Authorization: Bearer $TOKEN" http://localhost:{}/api/me""",
                PASSWORD, table, KeycloakDemoAccounts.DEV_CLIENT_ID, PASSWORD, keycloakUrl, port);
    }

    /** What a network's set-up created: its operators, their offers and the bookable meeting rooms. */
    private record SetUp(Set<OperatorId> operators, List<OfferView> offers, List<DemoActivity.Room> rooms) {
    }

    /** The operators of a network, their places (with their resources) and their offers. */
    private SetUp setUp(NetworkSlug network, List<DemoSetup.DemoOperator> demo) {
        Set<OperatorId> created = new LinkedHashSet<>();
        List<OfferView> offers = new ArrayList<>();
        List<DemoActivity.Room> rooms = new ArrayList<>();
        for (DemoSetup.DemoOperator operator : demo) {
            OperatorId id = manageOperators.createOperator(SYSTEM, network, operator.raw()).id();
            created.add(id);
            for (DemoSetup.DemoPlace place : operator.places()) {
                rooms.addAll(activity.equip(network,
                        managePlaces.createPlace(SYSTEM, network, place.raw(id.toString()), place.hours())));
            }
            for (DemoSetup.DemoOffer offer : DemoSetup.OFFERS.getOrDefault(operator.raw().invoicePrefix(),
                    List.of())) {
                offers.add(manageOffers.createOffer(SYSTEM, network, offer.raw(id.toString())));
            }
        }
        return new SetUp(created, offers, rooms);
    }

    /**
     * Grants the role to the demo account (created if needed) and returns the account's subject; when the demo is
     * already {@code seeded}, only lists the account (and returns an empty subject, unused then).
     */
    private String grant(KeycloakDemoAccounts keycloak, Account account, String slug, NetworkRole role,
            StringBuilder table, boolean seeded) {
        String subject = "";
        if (!seeded) {
            keycloak.ensureAccount(account.email(), PASSWORD, account.firstName(), account.lastName(), false);
            subject = invite.invite(SYSTEM, InvitePersonCommand.parse(NetworkSlug.of(slug), account.email(),
                    role.name(), null, null)).subject();
        }
        table.append("  ").append(account.email()).append(": ").append(role.name().toLowerCase())
                .append(" in ").append(slug).append('\n');
        return subject;
    }
}
