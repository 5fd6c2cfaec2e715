package fr.maillage.bootstrap;

import fr.maillage.application.network.NetworkService;
import fr.maillage.application.network.port.out.LoadNetworkPort;
import fr.maillage.application.network.port.out.SaveNetworkPort;
import fr.maillage.application.shared.port.out.UnitOfWorkPort;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's use cases are plain classes: they are wired here, so that {@code application} knows no Spring. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    /** UTC, ticking in microseconds: what PostgreSQL stores, so an instant reads back as it was written. */
    @Bean
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Bean
    public NetworkService networkService(LoadNetworkPort load, SaveNetworkPort save, UnitOfWorkPort unitOfWork,
            Clock clock) {
        return new NetworkService(load, save, unitOfWork, clock);
    }
}
