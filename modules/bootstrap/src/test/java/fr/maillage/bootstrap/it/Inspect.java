package fr.maillage.bootstrap.it;

import fr.maillage.adapter.keycloak.testing.KeycloakTestServer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import tools.jackson.databind.JsonNode;

/** Reading what the tests check: problem codes, /api/me, the organization claim, Keycloak's organizations. */
final class Inspect {

    private Inspect() {
    }

    /** The {@code code} of a problem; empty when the reply is not one. */
    static String code(Api.Reply reply) {
        try {
            return reply.json().path("code").asString("");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** The networks of an /api/me answer: slug to roles. */
    static Map<String, List<String>> memberships(JsonNode me) {
        Map<String, List<String>> memberships = new LinkedHashMap<>();
        me.get("networks").values().forEach(n -> memberships.put(n.get("slug").asString(),
                n.get("roles").values().stream().map(JsonNode::asString).toList()));
        return memberships;
    }

    /** The aliases the token's {@code organization} claim names (a list, or a map keyed by alias). */
    static Set<String> organizationsIn(String token) {
        Object claim = KeycloakTestServer.claims(token).get("organization");
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        }
        if (claim instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        }
        return claim == null ? Set.of() : Set.of(String.valueOf(claim));
    }

    /** The subjects of the members of the network's organization in Keycloak. */
    static List<String> organizationMembers(String slug) {
        OrganizationRepresentation organization = EndToEndTest.KEYCLOAK.organizations().stream()
                .filter(candidate -> slug.equals(candidate.getAlias()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no organization " + slug + " in Keycloak"));
        return EndToEndTest.KEYCLOAK.realm().organizations().get(organization.getId()).members().list(0, 1000).stream()
                .map(MemberRepresentation::getId)
                .toList();
    }
}
