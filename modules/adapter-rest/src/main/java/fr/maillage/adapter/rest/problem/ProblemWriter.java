package fr.maillage.adapter.rest.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for filters that answer before Spring MVC (security, size limit). */
@Component
public class ProblemWriter {

    private final Problems problems;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    public ProblemWriter(Problems problems, LocaleResolver localeResolver, JsonMapper json) {
        this.problems = problems;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            List<?> arguments) throws IOException {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = problems.problem(status, code, arguments, locale);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, Problems.language(locale));
        json.writeValue(response.getOutputStream(), problem);
    }
}
