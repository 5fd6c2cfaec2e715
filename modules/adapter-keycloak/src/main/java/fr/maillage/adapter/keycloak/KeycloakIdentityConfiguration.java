package fr.maillage.adapter.keycloak;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link fr.maillage.application.identity.port.out.IdentityProviderPort} backed by Keycloak, once
 * {@code maillage.identity.keycloak.url} is set. Without it, no bean is made: an application that needs the port then
 * fails at start-up, saying which bean is missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "maillage.identity.keycloak", name = "url")
@EnableConfigurationProperties(KeycloakIdentityProperties.class)
public class KeycloakIdentityConfiguration {

    /** Closed with the context (its HTTP connections to Keycloak). */
    @Bean
    public KeycloakIdentityAdapter keycloakIdentityAdapter(KeycloakIdentityProperties properties) {
        return new KeycloakIdentityAdapter(properties);
    }
}
