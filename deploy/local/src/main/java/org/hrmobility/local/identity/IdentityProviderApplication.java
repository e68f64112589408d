package org.hrmobility.local.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The development identity provider (Spring Authorization Server) of the local run: issuer
 * {@code http://localhost:9000}, the demo users and clients of the README. Production points the services at
 * the organisation's own identity provider instead ({@code HRM_ISSUER}, {@code HRM_JWK_SET_URI}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityProviderApplication.class)
                .properties("spring.config.name=identity-provider")
                .run(args);
    }
}
