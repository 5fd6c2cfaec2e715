package fr.maillage.adapter.rest.security;

import fr.maillage.application.shared.Caller;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller from a verified JWT: its subject and the realm role {@code platform-admin}. */
public final class Callers {

    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    private Callers() {
    }

    public static Caller fromJwt(Jwt jwt) {
        return new Caller(jwt.getSubject(), realmRoles(jwt).contains(PLATFORM_ADMIN_ROLE));
    }

    private static Collection<?> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles;
        }
        return java.util.List.of();
    }
}
