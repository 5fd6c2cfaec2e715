package fr.maillage.adapter.rest.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies access tokens of the identity provider (Keycloak realm {@code maillage}): RS256 signature with the
 * realm's keys, issuer, expiry and not-before (60 s of clock skew by default), audience {@code maillage-api}, and type
 * {@code Bearer} (an ID token, typed {@code ID}, is refused). The keys are fetched on first use, then cached
 * (12 h, refreshed ahead of expiry, and kept while the provider is unreachable): valid tokens keep working while
 * Keycloak is down, and the application starts without it. A token already verified is not verified again until it
 * expires ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
public class AccessTokenDecoderConfiguration {

    @Bean
    public JwtDecoder accessTokenDecoder(@Value("${maillage.identity.keycloak.url:}") String url,
            @Value("${maillage.identity.keycloak.realm:maillage}") String realm,
            @Value("${maillage.identity.keycloak.audience:maillage-api}") String audience,
            @Value("${maillage.identity.keycloak.clock-skew:60s}") Duration clockSkew)
            throws MalformedURLException {
        if (url.isBlank()) {
            throw new IllegalStateException("No identity provider configured: set MAILLAGE_IDENTITY_KEYCLOAK_URL "
                    + "(maillage.identity.keycloak.url), e.g. http://localhost:8180");
        }
        String issuer = url.replaceAll("/+$", "") + "/realms/" + realm;
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(issuer + "/protocol/openid-connect/certs").toURL(),
                        new DefaultResourceRetriever(2_000, 3_000, 512 * 1024))
                .cache(Duration.ofHours(12).toMillis(), Duration.ofSeconds(5).toMillis())
                .refreshAheadCache(true)
                .outageTolerantForever()
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked by Spring's validators below, with messages of their own.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(issuer),
                new JwtTimestampValidator(clockSkew),
                new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>("typ", "Bearer"::equals)));
        return new VerifiedTokens(decoder, clockSkew, Clock.systemUTC());
    }
}
