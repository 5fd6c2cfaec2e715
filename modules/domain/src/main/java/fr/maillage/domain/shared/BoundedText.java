package fr.maillage.domain.shared;

/** Free text typed by people, normalized (white space) and bounded; control characters refused, new lines allowed when asked. */
public final class BoundedText {

    private BoundedText() {
    }

    /** A one-line text of {@code min} to {@code max} characters. */
    public static String line(String raw, int min, int max, String code) {
        if (Text.hasControlCharacters(raw)) {
            throw new InvalidValueException("text.control-characters");
        }
        String value = Text.normalize(raw);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidValueException(code, min, max);
        }
        return value;
    }

    /** A multi-line text (paragraphs kept, trailing spaces trimmed) of at most {@code max} characters. */
    public static String paragraphs(String raw, int max, String code) {
        String value = raw.strip().replace("\r\n", "\n");
        for (char c : value.toCharArray()) {
            if (Character.isISOControl(c) && c != '\n') {
                throw new InvalidValueException("text.control-characters");
            }
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidValueException(code, 0, max);
        }
        return value;
    }
}
