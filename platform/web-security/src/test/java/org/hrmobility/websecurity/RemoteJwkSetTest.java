package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hrmobility.websecurity.test.TestKeySet;
import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The JWK set as every entry point holds it, against a real HTTP server serving the set and counting its fetches:
 * the decoder is composed as the auto-configuration composes it (key set, validators, {@link VerifiedTokens}).
 */
class RemoteJwkSetTest {

    final TestKeySet provider = new TestKeySet().add("k1");
    final List<RemoteJwkSet> sets = new ArrayList<>();

    @AfterEach
    void stop() {
        sets.forEach(RemoteJwkSet::close);
        provider.close();
    }

    /** The decoder as {@link WebSecurityAutoConfiguration} makes it. */
    ReactiveJwtDecoder decoder(Duration refresh, Duration unknownKey) {
        RemoteJwkSet keys = new RemoteJwkSet(provider.uri(), refresh, unknownKey, Duration.ofSeconds(5));
        sets.add(keys);
        VerifiedTokens decoder = WebSecurityAutoConfiguration.remembering(WebSecurityAutoConfiguration.decoder(keys,
                WebSecurityAutoConfiguration.algorithms(List.of()),
                WebSecurityAutoConfiguration.validator(List.of(TestTokens.AUDIENCE), null, List.of(
                        new JwtIssuerValidator(TestTokens.ISSUER), TokenRules.expiryRequired(),
                        TokenRules.types(List.of("JWT", "at+jwt"))))));
        keys.onKeysRemoved(decoder::forgetKeys);
        return decoder;
    }

    static boolean accepted(ReactiveJwtDecoder decoder, String token) {
        return decoder.decode(token).map(jwt -> true).onErrorResume(BadJwtException.class, e -> Mono.just(false))
                .block(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("API2 broken authentication: 100 forged tokens with random key ids, at once and one by one, fetch the JWK set at most twice (not once per token), and are all refused")
    void unknownKeyIdsDoNotFetchPerRequest() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));

        List<Boolean> atOnce = Flux.range(0, 100).flatMap(i -> Mono.fromCallable(() -> TestKeySet.forgedWithRandomKeyId("mallory"))
                        .flatMap(token -> decoder.decode(token).map(jwt -> true).onErrorResume(BadJwtException.class, e -> Mono.just(false))), 100)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(atOnce).hasSize(100).containsOnly(false);
        for (int i = 0; i < 100; i++) {
            assertThat(accepted(decoder, TestKeySet.forgedWithRandomKeyId("mallory"))).isFalse();
        }
        assertThat(accepted(decoder, provider.token("k1", "hana", "EMPLOYEE"))).isTrue();

        assertThat(provider.fetches()).as("JWK-set fetches for 200 forged tokens and one valid one").isBetween(1, 2);
    }

    @Test
    @DisplayName("API2 broken authentication: a forged token naming a known key id, or signed by no key of the set, is refused without a fetch")
    void forgedWithKnownKeyId() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        assertThat(accepted(decoder, provider.token("k1", "hana", "EMPLOYEE"))).isTrue();

        assertThat(accepted(decoder, TestKeySet.forged("k1", "hana", "HR_CASE_HANDLER"))).isFalse();
        assertThat(provider.fetches()).isEqualTo(1);
    }

    @Test
    @DisplayName("API2 broken authentication: a new key of the identity provider (rotation) is fetched once its first token arrives after the interval")
    void rotationFetchesTheNewKey() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofMillis(300));
        assertThat(accepted(decoder, provider.token("k1", "hana", "EMPLOYEE"))).isTrue();

        provider.add("k2");
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                .until(() -> accepted(decoder, provider.token("k2", "hana", "EMPLOYEE")));
        assertThat(provider.fetches()).isBetween(2, 3);
    }

    @Test
    @DisplayName("API2 broken authentication: a key removed from the JWK set stops verifying tokens at the next scheduled refresh, though its token was remembered as verified")
    void removedKeyIsDropped() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMillis(500), Duration.ofSeconds(30));
        String signedByOld = provider.token("k1", "hana", "EMPLOYEE");
        assertThat(accepted(decoder, signedByOld)).isTrue();
        assertThat(accepted(decoder, signedByOld)).as("remembered").isTrue();

        provider.add("k2").remove("k1");
        await().atMost(Duration.ofSeconds(5)).until(() -> !accepted(decoder, signedByOld));
        assertThat(accepted(decoder, provider.token("k2", "hana", "EMPLOYEE"))).isTrue();
        assertThat(accepted(decoder, signedByOld)).isFalse();
    }

    @Test
    @DisplayName("Resilience: the first requests after a start arrive together (a page asks several services at once): they share one fetch of the JWK set and are all verified")
    void firstRequestsShareOneFetch() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        String token = provider.token("k1", "hana", "EMPLOYEE");

        List<Boolean> together = Flux.range(0, 50).flatMap(i -> decoder.decode(token).map(jwt -> true)
                        .onErrorResume(e -> Mono.just(false)), 50)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(together).hasSize(50).containsOnly(true);
        assertThat(provider.fetches()).isEqualTo(1);
    }

    @Test
    @DisplayName("Resilience: while no JWK set could be fetched yet, a token cannot be verified for now (KeysUnavailable, answered 503), not refused and not a 500; the identity provider is asked again at most once a second, and once it answers, tokens are verified")
    void unreachableProviderIsUnavailableNotAnError() {
        provider.failing(true);
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        String token = provider.token("k1", "hana", "EMPLOYEE");

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> decoder.decode(token).block(Duration.ofSeconds(10))).isInstanceOf(RemoteJwkSet.KeysUnavailable.class);
        }
        assertThat(provider.fetches()).as("fetches for 20 requests within a second").isBetween(1, 2);

        provider.failing(false);
        await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> decoder.decode(token).map(jwt -> true).onErrorResume(e -> Mono.just(false)).block(Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("Resilience: when the identity provider does not answer a refresh, the keys known so far still verify tokens")
    void failedRefreshKeepsTheKnownKeys() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMillis(300), Duration.ofSeconds(30));
        assertThat(accepted(decoder, provider.token("k1", "hana", "EMPLOYEE"))).isTrue();

        provider.failing(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> provider.fetches() >= 3);
        assertThat(accepted(decoder, provider.token("k1", "emma", "EMPLOYEE"))).isTrue();
    }

    @Test
    @DisplayName("API2 broken authentication: a token without exp is refused; typ JWT, at+jwt or none is accepted, an ID token's, logout token's or DPoP proof's typ is not")
    void tokensHeldToTheLetter() {
        ReactiveJwtDecoder decoder = decoder(Duration.ofMinutes(5), Duration.ofSeconds(30));
        // the shared test tokens' key: a decoder on their JWK set
        RemoteJwkSet keys = new RemoteJwkSet(TestTokens.jwkSetUri(), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5));
        sets.add(keys);
        ReactiveJwtDecoder shared = WebSecurityAutoConfiguration.decoder(keys, WebSecurityAutoConfiguration.algorithms(List.of("RS256")),
                WebSecurityAutoConfiguration.validator(List.of(TestTokens.AUDIENCE), TestTokens.ISSUER,
                        List.of(TokenRules.expiryRequired(), TokenRules.types(List.of("JWT", "at+jwt", "application/at+jwt")))));

        assertThat(accepted(shared, TestTokens.forPerson("hana", "E-0001", "DEPT-WSE", "EMPLOYEE"))).isTrue();
        assertThatThrownBy(() -> shared.decode(TestTokens.withoutExpiry("hana", "EMPLOYEE")).block())
                .isInstanceOf(BadJwtException.class).hasMessageContaining("exp");
        for (String type : List.of("JWT", "jwt", "at+jwt", "application/at+jwt")) {
            assertThat(accepted(shared, TestTokens.typed(type, "hana", "EMPLOYEE"))).as(type).isTrue();
        }
        for (String type : List.of("id_token+jwt", "logout+jwt", "dpop+jwt", "secevent+jwt", "JOSE")) {
            assertThatThrownBy(() -> shared.decode(TestTokens.typed(type, "hana", "EMPLOYEE")).block()).as(type)
                    .isInstanceOf(BadJwtException.class).hasMessageContaining("typ");
        }
        Jwt jwt = decoder.decode(provider.token("k1", "hana", "EMPLOYEE")).block();
        assertThat(jwt.getExpiresAt()).isNotNull();
    }
}
