package fr.maillage.adapter.persistence.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no database is configured ({@code maillage.db.url}, environment variable {@code MAILLAGE_DB_URL}, is empty),
 * starts the embedded PostgreSQL and points {@code maillage.db.*} at it. With a URL configured it does nothing: the
 * application uses that server with the configured owner and application roles.
 *
 * <p>Runs after the configuration files are read, so profiles and {@code application.yaml} can set
 * {@code maillage.db.embedded.*}.
 */
public final class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "maillageEmbeddedPostgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
        String url = environment.getProperty("maillage.db.url", "");
        if (!url.isBlank() || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        if (!environment.getProperty("maillage.db.embedded.enabled", Boolean.class, true)) {
            return;
        }
        String dataDirectory = environment.getProperty("maillage.db.embedded.data-directory", "");
        int port = environment.getProperty("maillage.db.embedded.port", Integer.class, 0);
        EmbeddedPostgresServer server = EmbeddedPostgresServer
                .startOnce(dataDirectory.isBlank() ? null : Path.of(dataDirectory).toAbsolutePath(), port);
        application.addInitializers(context -> {
            ConfigurableListableBeanFactory beans = context.getBeanFactory();
            beans.addBeanPostProcessor(new AwaitEmbeddedPostgres(server));
            // Registered before any other bean, so destroyed after all of them (the connection pool included).
            EmbeddedPostgresLease lease = new EmbeddedPostgresLease(server);
            beans.registerSingleton(EmbeddedPostgresLease.BEAN_NAME, lease);
            if (beans instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(EmbeddedPostgresLease.BEAN_NAME, lease);
            }
        });

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("maillage.db.url", server.jdbcUrl());
        properties.put("maillage.db.owner-user", EmbeddedPostgresServer.OWNER_ROLE);
        properties.put("maillage.db.owner-password", server.ownerPassword());
        properties.put("maillage.db.app-user", EmbeddedPostgresServer.APP_ROLE);
        properties.put("maillage.db.app-password", server.appPassword());
        properties.put("maillage.db.embedded.running-port", server.port());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (Ordered.HIGHEST_PRECEDENCE + 10) has read application.yaml.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
