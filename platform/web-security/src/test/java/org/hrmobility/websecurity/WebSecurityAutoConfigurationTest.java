package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.hrmobility.websecurity.test.TestKeySet;
import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** What a service or the gateway gets from web-security with Spring Boot's resource-server auto-configuration beside it. */
class WebSecurityAutoConfigurationTest {

    final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebSecurityAutoConfiguration.class,
                    ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class))
            .withBean("issuerValidator", OAuth2TokenValidator.class, () -> new JwtIssuerValidator(TestTokens.ISSUER));

    @Test
    @DisplayName("API2 broken authentication: the one JWT decoder is web-security's (remembering, on the refreshed JWK set), with issuer, audience, expiry and typ checked")
    void decoderReplacesBoots() {
        try (TestKeySet provider = new TestKeySet().add("k1")) {
            runner.withPropertyValues(properties(provider)).run(context -> {
                assertThat(context).hasSingleBean(ReactiveJwtDecoder.class).hasSingleBean(RemoteJwkSet.class);
                ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
                assertThat(decoder).isInstanceOf(VerifiedTokens.class);

                Jwt jwt = decoder.decode(provider.token("k1", "hana", "EMPLOYEE")).block(Duration.ofSeconds(10));
                assertThat(jwt.getSubject()).isEqualTo("hana");
                for (int i = 0; i < 50; i++) {
                    String forged = TestKeySet.forgedWithRandomKeyId("mallory", "OPERATOR");
                    assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
                }
                assertThat(provider.fetches()).isBetween(1, 2);
            });
        }
        runner.withPropertyValues(TestTokens.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> {
                    ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
                    assertThat(decoder.decode(TestTokens.typed("at+jwt", "hana", "EMPLOYEE")).block().getSubject()).isEqualTo("hana");
                    assertThatThrownBy(() -> decoder.decode(TestTokens.withoutExpiry("hana", "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
                    assertThatThrownBy(() -> decoder.decode(TestTokens.typed("logout+jwt", "hana", "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
                    assertThatThrownBy(() -> decoder.decode(TestTokens.with("hana", "https://elsewhere.example", TestTokens.AUDIENCE,
                            java.time.Instant.now().plusSeconds(600), "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
                    assertThatThrownBy(() -> decoder.decode(TestTokens.with("hana", TestTokens.ISSUER, "another-api",
                            java.time.Instant.now().plusSeconds(600), "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
                });
    }

    @Test
    @DisplayName("Settings: the refresh and unknown-key intervals and the accepted token types are hrm.security.* settings")
    void settings() {
        try (TestKeySet provider = new TestKeySet().add("k1")) {
            runner.withPropertyValues(properties(provider)).withPropertyValues("hrm.security.jwk-set-refresh=1m",
                    "hrm.security.unknown-key-refetch=10s", "hrm.security.token-types=at+jwt").run(context -> {
                TokenSettings settings = context.getBean(TokenSettings.class);
                assertThat(settings.jwkSetRefresh()).isEqualTo(Duration.ofMinutes(1));
                assertThat(settings.unknownKeyRefetch()).isEqualTo(Duration.ofSeconds(10));
                assertThat(settings.tokenTypes()).isEqualTo(List.of("at+jwt"));
            });
            runner.withPropertyValues(properties(provider)).run(context -> assertThat(context.getBean(TokenSettings.class))
                    .isEqualTo(new TokenSettings(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5),
                            List.of("JWT", "at+jwt", "application/at+jwt"))));
        }
    }

    private static String[] properties(TestKeySet provider) {
        return provider.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
