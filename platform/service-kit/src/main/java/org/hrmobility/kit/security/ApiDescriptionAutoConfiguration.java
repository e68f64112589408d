package org.hrmobility.kit.security;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description as clients see the API: every call carries a bearer JWT, and the caller
 * ({@link CurrentUser}) comes from that token, not from request parameters.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ApiDescriptionAutoConfiguration {

    static final String BEARER = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI hrmOpenApi(Environment env) {
        return new OpenAPI()
                .info(new Info().title(env.getProperty("spring.application.name", "HRM service")).version("v1")
                        .description("Part of the HR mobility suite. Errors are RFC 9457 problem+json; tokens come from the "
                                + "organisation's identity provider (audience hrm-api)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme(BEARER).bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
