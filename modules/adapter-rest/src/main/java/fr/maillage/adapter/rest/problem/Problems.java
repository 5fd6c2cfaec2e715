package fr.maillage.adapter.rest.problem;

import fr.maillage.application.shared.FieldViolation;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details in the caller's language. Each problem has a stable {@code type}
 * ({@code urn:maillage:problem:<code>}), the same {@code code} as an extension member for programs, a title
 * per status, a detail sentence, and for invalid input the list of {@code errors} with field, code and message.
 */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:maillage:problem:";

    private static final DateTimeFormatter DATES = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatus status, String code, List<?> arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(message("status." + status.value(), List.of(), locale));
        problem.setDetail(message(code, arguments, locale));
        problem.setProperty("code", code);
        return problem;
    }

    public ProblemDetail invalidInput(List<FieldViolation> violations, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "input.invalid", List.of(violations.size()), locale);
        problem.setProperty("errors", violations.stream()
                .map(v -> {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("field", v.field());
                    error.put("code", v.code());
                    error.put("message", message(v.code(), v.arguments(), locale));
                    return error;
                })
                .toList());
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(ProblemDetail problem, Locale locale) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language(locale))
                .body(problem);
    }

    /** The language actually used: French unless the caller asked for English. */
    public static String language(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "fr";
    }

    /**
     * A message in the caller's language; the code itself when there is none. Dates among the arguments are written
     * as people write them in that language ("lundi 2 mars 2026", "Monday, March 2, 2026").
     */
    public String message(String code, List<?> arguments, Locale locale) {
        Locale language = "en".equals(language(locale)) ? Locale.ENGLISH : Locale.FRENCH;
        Object[] localized = arguments.stream()
                .map(a -> a instanceof LocalDate date ? DATES.withLocale(language).format(date) : a).toArray();
        return messages.getMessage(code, localized, code, locale);
    }
}
