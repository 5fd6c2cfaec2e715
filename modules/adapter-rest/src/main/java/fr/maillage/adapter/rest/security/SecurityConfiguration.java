package fr.maillage.adapter.rest.security;

import fr.maillage.adapter.rest.problem.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API is an OAuth2 resource server: every request but health, metrics and the API description carries a
 * bearer JWT whose signature, issuer and expiry are verified. Stateless: no session, no cookie, so no CSRF token.
 * Failures answer with problems in the caller's language.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Paths anyone may call. */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error", "/api/public/**");

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", e instanceof InvalidBearerTokenException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    e instanceof InvalidBearerTokenException ? "auth.invalid-token" : "auth.required", List.of());
        };
        AccessDeniedHandler denied = (request, response, e) -> problems.write(request, response,
                HttpStatus.FORBIDDEN, "access.denied", List.of());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }
}
