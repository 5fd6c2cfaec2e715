package fr.maillage.adapter.keycloak;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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

    /** Demo accounts (the demo profile only; see {@link KeycloakDemoAccounts}). */
    @Bean
    @ConditionalOnBooleanProperty("maillage.identity.keycloak.demo.enabled")
    public KeycloakDemoAccounts keycloakDemoAccounts(KeycloakIdentityProperties properties,
            @Value("${maillage.identity.keycloak.demo.admin-username:admin}") String adminUsername,
            @Value("${maillage.identity.keycloak.demo.admin-password:admin}") String adminPassword) {
        return new KeycloakDemoAccounts(properties.url(), properties.realm(), adminUsername, adminPassword);
    }
}
