package fr.maillage.bootstrap.demo;

import fr.maillage.adapter.rest.security.DevTokenIssuer;
import fr.maillage.application.network.port.in.CreateNetworkCommand;
import fr.maillage.application.network.port.in.CreateNetworkUseCase;
import fr.maillage.application.network.port.in.FindNetworksQuery;
import fr.maillage.application.shared.Caller;
import fr.maillage.application.shared.NotFoundException;
import java.time.Duration;
import java.util.List;
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
 * applies) when they do not exist yet, and a platform-admin token to try the API with.
 */
@Component
@Profile("demo")
public class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Caller SYSTEM = Caller.system("demo-data");

    static final List<CreateNetworkCommand> NETWORKS = List.of(
            CreateNetworkCommand.parse("baronnies", "Innover en Baronnies provençales", List.of("26", "05"),
                    "Europe/Paris"),
            CreateNetworkCommand.parse("drome", "Tiers-lieux de la Drôme (Pôle Numérique, Cédille)", List.of("26"),
                    "Europe/Paris"),
            CreateNetworkCommand.parse("solozere", "SoLozère, les télécentres de Lozère", List.of("48"),
                    "Europe/Paris"));

    private final CreateNetworkUseCase createNetwork;
    private final FindNetworksQuery findNetworks;
    private final ObjectProvider<DevTokenIssuer> devTokenIssuer;
    private final Environment environment;

    public DemoData(CreateNetworkUseCase createNetwork, FindNetworksQuery findNetworks,
            ObjectProvider<DevTokenIssuer> devTokenIssuer, Environment environment) {
        this.createNetwork = createNetwork;
        this.findNetworks = findNetworks;
        this.devTokenIssuer = devTokenIssuer;
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
        DevTokenIssuer issuer = devTokenIssuer.getIfAvailable();
        if (issuer != null) {
            String port = environment.getProperty("local.server.port", "8080");
            String token = issuer.mint("demo-platform-admin", List.of("platform-admin"), Duration.ofHours(12));
            LOG.info("""
                    Demo platform-admin token (development issuer, valid 12 h):
                    {}
                    Try: curl -H "Authorization: Bearer $TOKEN" http://localhost:{}/api/networks""", token, port);
        }
    }
}
