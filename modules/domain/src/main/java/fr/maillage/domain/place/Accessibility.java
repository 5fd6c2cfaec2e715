package fr.maillage.domain.place;

import fr.maillage.domain.shared.BoundedText;
import org.jspecify.annotations.Nullable;

/** Whether a wheelchair user can come in and work, and what else a visitor should know (free text). */
public record Accessibility(boolean stepFreeAccess, boolean accessibleToilets, @Nullable String note) {

    public Accessibility {
        note = note == null || note.isBlank() ? null : BoundedText.paragraphs(note, 500, "place.accessibility.length");
    }

    public static final Accessibility UNKNOWN = new Accessibility(false, false, null);
}
