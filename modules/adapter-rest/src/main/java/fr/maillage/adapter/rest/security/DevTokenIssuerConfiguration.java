package fr.maillage.adapter.rest.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Replaces the identity provider by {@link DevTokenIssuer} when {@code maillage.security.dev-issuer.enabled}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("maillage.security.dev-issuer.enabled")
public class DevTokenIssuerConfiguration {

    @Bean
    public DevTokenIssuer devTokenIssuer(Clock clock) {
        return new DevTokenIssuer(clock);
    }

    @Bean
    public JwtDecoder devJwtDecoder(DevTokenIssuer issuer) {
        return issuer.decoder();
    }
}
