package fr.maillage.domain.shared;

/** Small checks on free text typed by people. */
public final class Text {

    private Text() {
    }

    /** Trims and collapses inner runs of white space. */
    public static String normalize(String raw) {
        return raw.strip().replaceAll("\\s+", " ");
    }

    /** True when the text holds a control character (tab, new line, NUL, ...) or an unpaired surrogate. */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
