package fr.maillage.application.shared;

import fr.maillage.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns raw input into domain values field by field, collecting every violation, so that a caller learns all that
 * is wrong at once. Commands use it in their {@code parse} factories:
 *
 * <pre>{@code
 * Fields fields = new Fields();
 * NetworkSlug slug = fields.required("slug", rawSlug, NetworkSlug::of);
 * fields.throwIfInvalid();
 * }</pre>
 */
public final class Fields {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** A mandatory field: a missing value is the violation {@code field.required}. */
    public <R, T> @Nullable T required(String field, @Nullable R raw, Function<R, T> parser) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            violations.add(new FieldViolation(field, "field.required", List.of()));
            return null;
        }
        return optional(field, raw, parser);
    }

    /** An optional field: a missing value gives {@code null}. */
    public <R, T> @Nullable T optional(String field, @Nullable R raw, Function<R, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidValueException e) {
            violations.add(new FieldViolation(field, e.code(), e.arguments()));
            return null;
        }
    }

    /** Each item of a list, named {@code field[index]} when it fails; {@code null} when any item failed. */
    public <R, T> @Nullable List<T> eachOf(String field, @Nullable List<@Nullable R> raw, Function<R, T> parser) {
        if (raw == null) {
            return null;
        }
        List<T> values = new ArrayList<>(raw.size());
        boolean ok = true;
        for (int i = 0; i < raw.size(); i++) {
            T value = required(field + "[" + i + "]", raw.get(i), parser);
            if (value == null) {
                ok = false;
            } else {
                values.add(value);
            }
        }
        return ok ? values : null;
    }

    /** Records a violation found by a rule across fields. */
    public void reject(String field, String code, Object... arguments) {
        violations.add(new FieldViolation(field, code, List.of(arguments)));
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
