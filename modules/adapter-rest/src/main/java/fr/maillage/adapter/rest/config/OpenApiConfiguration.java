package fr.maillage.adapter.rest.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3.1 description of the API, served at {@code /v3/api-docs} and shown at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI maillageOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Maillage API")
                        .version("0.1")
                        .description("""
                                Maillage runs networks of tiers-lieux (coworking spaces, fab labs, telecentres, \
                                France Services). Errors are RFC 9457 problems (application/problem+json) in French, \
                                or in English with Accept-Language: en.""")
                        .license(new License().name("Proprietary")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
