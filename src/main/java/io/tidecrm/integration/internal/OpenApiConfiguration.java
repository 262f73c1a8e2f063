package io.tidecrm.integration.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of {@code /api/v1} (springdoc): a bearer personal access token on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tideCrmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tide CRM API").version("v1")
                        .description("Customers, contacts, follow-ups and the pool (read-write); opportunities, "
                                + "contracts and payments (read only). Errors are RFC 9457 problem details with a "
                                + "stable `code`. Updates need `If-Match` with the record's version (its ETag)."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal access token from the account page (Authorization: Bearer tcrm_...)")));
    }
}
