package fr.maillage.domain.place;

import fr.maillage.domain.shared.BoundedText;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A text in French (required when any is given) and English (optional: French is shown instead). */
public record LocalizedText(@Nullable String fr, @Nullable String en) {

    public static final int MAX = 4_000;
    public static final LocalizedText EMPTY = new LocalizedText(null, null);

    public LocalizedText {
        fr = fr == null || fr.isBlank() ? null : BoundedText.paragraphs(fr, MAX, "text.length");
        en = en == null || en.isBlank() ? null : BoundedText.paragraphs(en, MAX, "text.length");
    }

    /** The text in the caller's language, French when English is missing. */
    public @Nullable String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null ? en : fr;
    }
}
