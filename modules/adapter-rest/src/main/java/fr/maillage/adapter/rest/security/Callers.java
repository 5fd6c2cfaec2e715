package fr.maillage.adapter.rest.security;

import fr.maillage.application.shared.Caller;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller from a verified access token: its subject, the realm role {@code platform-admin}, the
 * {@code organization} claim (the aliases of the person's organizations: a list, or a map keyed by alias when the
 * identity provider adds attributes) and the email.
 */
public final class Callers {

    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    private Callers() {
    }

    public static Caller fromJwt(Jwt jwt) {
        return new Caller(jwt.getSubject(), realmRoles(jwt).contains(PLATFORM_ADMIN_ROLE), organizations(jwt),
                jwt.getClaimAsString("email"));
    }

    private static Collection<?> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles;
        }
        return List.of();
    }

    private static Set<String> organizations(Jwt jwt) {
        Object claim = jwt.getClaims().get("organization");
        Set<String> aliases = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (claim instanceof String single) {
            aliases.add(single);
        }
        return aliases;
    }
}
