package fr.maillage.adapter.rest.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A development-only token issuer: an RSA key made in memory at start, a decoder that trusts only it, and a way to
 * mint access tokens shaped like the identity provider's ({@code sub}, {@code realm_access.roles}). Enabled by
 * {@code maillage.security.dev-issuer.enabled=true} (the {@code demo} profile and the tests), never otherwise: the
 * tokens it mints are worthless anywhere else because its key dies with the process.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "urn:maillage:dev-issuer";

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    public DevTokenIssuer(Clock clock) {
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A decoder that accepts only this issuer's tokens, signed by its key and not expired. */
    public JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token for {@code subject} with the given realm roles, valid for {@code ttl}. */
    public String mint(String subject, List<String> realmRoles, Duration ttl) {
        return mint(subject, realmRoles, clock.instant(), ttl);
    }

    /** An access token issued at {@code issuedAt} (in the past, for an expired one) and valid for {@code ttl}. */
    public String mint(String subject, List<String> realmRoles, Instant issuedAt, Duration ttl) {
        Instant now = issuedAt;
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", realmRoles))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
