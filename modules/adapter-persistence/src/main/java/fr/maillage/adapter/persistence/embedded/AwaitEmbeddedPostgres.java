package fr.maillage.adapter.persistence.embedded;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Holds back the first beans that connect to the database (data sources, Liquibase) until the embedded PostgreSQL,
 * started in the background, accepts connections.
 */
final class AwaitEmbeddedPostgres implements BeanPostProcessor {

    private final EmbeddedPostgresServer server;

    AwaitEmbeddedPostgres(EmbeddedPostgresServer server) {
        this.server = server;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource || bean.getClass().getName().startsWith("liquibase.")) {
            server.awaitReady();
        }
        return bean;
    }
}
