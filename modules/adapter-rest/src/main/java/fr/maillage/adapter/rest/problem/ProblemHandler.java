package fr.maillage.adapter.rest.problem;

import fr.maillage.application.shared.FieldViolation;
import fr.maillage.application.shared.ForbiddenException;
import fr.maillage.application.shared.InvalidInputException;
import fr.maillage.application.shared.NotFoundException;
import fr.maillage.application.shared.ServiceUnavailableException;
import fr.maillage.application.shared.StaleVersionException;
import fr.maillage.domain.shared.ConflictException;
import fr.maillage.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error into an RFC 9457 problem in the caller's language: the application's errors, Spring MVC's own,
 * and anything unexpected (a 500 that tells nothing of the internals, logged with its cause).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return respond(problems.invalidInput(e.violations(), locale()));
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return respond(problems.problem(HttpStatus.BAD_REQUEST, e.code(), e.arguments(), locale()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, e.code(), e.arguments(), locale()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, e.code(), e.arguments(), locale()));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return e.explicitPrecondition()
                ? respond(problems.problem(HttpStatus.PRECONDITION_FAILED, "precondition.failed", List.of(), locale()))
                : respond(problems.problem(HttpStatus.CONFLICT, e.code(), e.arguments(), locale()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(problems.problem(HttpStatus.CONFLICT, e.code(), e.arguments(), locale()));
    }

    @ExceptionHandler(PreconditionException.class)
    ResponseEntity<ProblemDetail> precondition(PreconditionException e) {
        return respond(problems.problem(e.status(), e.code(), List.of(), locale()));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        LOG.warn("Service unavailable: {}", e.getMessage(), e.getCause());
        List<Object> dependency = e.arguments().stream()
                .<Object>map(name -> problems.message("dependency." + name, List.of(), locale())).toList();
        ResponseEntity<ProblemDetail> response = respond(
                problems.problem(HttpStatus.SERVICE_UNAVAILABLE, e.code(), dependency, locale()));
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(response.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.invalidInput(List.of(new FieldViolation(e.getName(), "field.type", List.of())),
                locale()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", List.of(), locale()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = locale();
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return cast(respond(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "request.too-large",
                    List.of(tooLarge.limit()), locale)));
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return cast(respond(problems.invalidInput(
                    List.of(new FieldViolation(path(unknown), "field.unknown", List.of())), locale)));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return cast(respond(problems.invalidInput(
                    List.of(new FieldViolation(path(mismatch), "field.type", List.of())), locale)));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return cast(respond(problems.invalidInput(
                    List.of(new FieldViolation(path(databind), "field.invalid", List.of())), locale)));
        }
        String code = cause instanceof JacksonException ? "request.malformed" : "request.body-missing";
        return cast(respond(problems.problem(HttpStatus.BAD_REQUEST, code, List.of(), locale)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = switch (e) {
            case HttpRequestMethodNotSupportedException m ->
                problems.problem(status, "request.method-not-allowed", List.of(m.getMethod()), locale());
            case HttpMediaTypeNotSupportedException m -> problems.problem(status, "request.media-type-unsupported",
                    List.of(String.valueOf(m.getContentType())), locale());
            case HttpMediaTypeNotAcceptableException m ->
                problems.problem(status, "request.not-acceptable", List.of(), locale());
            case NoResourceFoundException m -> problems.problem(status, "request.no-route", List.of(), locale());
            case MissingServletRequestParameterException m -> problems.invalidInput(
                    List.of(new FieldViolation(m.getParameterName(), "field.required", List.of())), locale());
            default -> {
                if (status.is5xxServerError()) {
                    LOG.error("Unexpected error", e);
                    yield problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error", List.of(), locale());
                }
                yield problems.problem(status, status.is4xxClientError() ? "request.malformed" : "internal.error",
                        List.of(), locale());
            }
        };
        ResponseEntity<ProblemDetail> response = respond(problem);
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.putAll(response.getHeaders());
        return new ResponseEntity<>(problem, merged, response.getStatusCode());
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return problems.response(problem, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
