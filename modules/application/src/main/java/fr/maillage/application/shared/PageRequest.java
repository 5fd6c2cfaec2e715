package fr.maillage.application.shared;

import org.jspecify.annotations.Nullable;

/**
 * A page of a list: 0-based {@code page}, {@code size} items. The size is capped at {@link #MAX_SIZE} so that no
 * caller can ask for a whole table.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page " + page + " of size " + size);
        }
    }

    /** Reads a page request from the caller's input ({@code null} for the defaults), refusing bad numbers. */
    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        Fields fields = new Fields();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            fields.reject("page", "page.number.invalid");
        }
        if (s < 1 || s > MAX_SIZE) {
            fields.reject("size", "page.size.invalid", MAX_SIZE);
        }
        fields.throwIfInvalid();
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
