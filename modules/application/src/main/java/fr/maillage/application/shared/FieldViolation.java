package fr.maillage.application.shared;

import java.util.List;

/**
 * One bad field of an input.
 *
 * @param field the field as the caller named it ({@code territory[1]} for the second item of a list)
 * @param code the stable code of the rule broken, also the message key
 * @param arguments the arguments of the message
 */
public record FieldViolation(String field, String code, List<Object> arguments) {

    public FieldViolation {
        arguments = List.copyOf(arguments);
    }
}
