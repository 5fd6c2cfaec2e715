package fr.maillage.application.shared;

import fr.maillage.domain.shared.DomainException;
import java.util.List;

/** The input broke one or more rules; every bad field is listed, not just the first. */
public final class InvalidInputException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("input.invalid", violations.size());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
