package fr.maillage.adapter.rest.shared;

import fr.maillage.adapter.rest.problem.PreconditionException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.domain.network.NetworkSlug;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads values of requests the same way in every controller. */
public final class RequestValues {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"(\\d{1,18})\"\\s*");

    private RequestValues() {
    }

    /** The network of a path: a slug that cannot be one names no network (404, like an unknown one). */
    public static NetworkSlug network(String raw) {
        try {
            return NetworkSlug.of(raw);
        } catch (InvalidValueException e) {
            throw new NotFoundException("network.not-found", raw);
        }
    }

    /**
     * The version an {@code If-Match} header expects ({@code "3"} or {@code W/"3"}); {@code null} when there is
     * none or it is {@code *}; a malformed one is a 400.
     */
    public static @Nullable Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = ENTITY_TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw PreconditionException.malformed();
        }
        return Long.parseLong(m.group(1));
    }
}
