package archfixtures.clean.domain.venue;

import org.jspecify.annotations.Nullable;

public record Venue(String name, @Nullable String description) {
}
