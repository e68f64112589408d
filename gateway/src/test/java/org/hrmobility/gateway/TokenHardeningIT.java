package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.hrmobility.websecurity.test.TestKeySet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Tokens held to the letter at the gateway, against an identity provider's JWK set served for real (keys added and
 * removed by the test, fetches counted): forged key ids, no expiry, another token type, a withdrawn key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=",
        "hrm.security.jwk-set-refresh=2s",
        "hrm.security.unknown-key-refetch=30s",
        // this test is about the key set, not the address limit: room for its floods
        "hrm.gateway.address.requests-per-second=1000",
        "hrm.gateway.address.burst=1000"})
class TokenHardeningIT {

    private static final StubService STUB = new StubService();
    private static final TestKeySet PROVIDER = new TestKeySet().add("k1").add("withdrawn");
    private static final Duration REFRESH = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, PROVIDER.properties());
    }

    @AfterAll
    static void stop() {
        STUB.close();
        PROVIDER.close();
    }

    private FromAddress client() {
        return new FromAddress("127.0.0.1", port);
    }

    private static void refusedAsProblem(FromAddress.Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.body()).containsEntry("type", "https://hrmobility.org/problems/unauthenticated").doesNotContainKey("trace");
    }

    @Test
    @DisplayName("API2 broken authentication: 100 forged tokens with random key ids, sent at once, are refused 401 problem+json and fetch the JWK set at most once (not once per token)")
    void forgedKeyIdsDoNotFetchTheKeySetPerRequest() {
        FromAddress client = client();
        assertThat(client.get("/api/redeployment/cases", PROVIDER.token("k1", "hana", "EMPLOYEE")).status()).isEqualTo(200);

        int before = PROVIDER.fetches();
        long started = System.nanoTime();
        List<FromAddress.Answer> answers = Flux.range(0, 100)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> client.get("/api/redeployment/cases",
                        TestKeySet.forgedWithRandomKeyId("mallory", "OPERATOR"))).subscribeOn(Schedulers.boundedElastic()), 20)
                .collectList().block(Duration.ofSeconds(60));
        long scheduled = Duration.ofNanos(System.nanoTime() - started).toMillis() / REFRESH.toMillis() + 1;

        assertThat(answers).hasSize(100).allSatisfy(TokenHardeningIT::refusedAsProblem);
        assertThat(PROVIDER.fetches() - before).as("fetches besides the %d scheduled refreshes", scheduled).isLessThanOrEqualTo(1 + (int) scheduled);
    }

    @Test
    @DisplayName("API2 broken authentication: a token without exp is refused (it would never expire); typ JWT, at+jwt or none passes, an ID token's or logout token's typ does not")
    void tokensHeldToTheLetter() {
        FromAddress client = client();
        refusedAsProblem(client.get("/api/redeployment/cases", PROVIDER.withoutExpiry("k1", "hana", "EMPLOYEE")));
        refusedAsProblem(client.get("/api/me", PROVIDER.withoutExpiry("k1", "ops", "OPERATOR")));
        for (String type : List.of("id_token+jwt", "logout+jwt", "dpop+jwt")) {
            refusedAsProblem(client.get("/api/redeployment/cases", PROVIDER.typed("k1", type, "hana", "EMPLOYEE")));
        }
        for (String type : List.of("JWT", "at+jwt", "application/at+jwt")) {
            assertThat(client.get("/api/redeployment/cases", PROVIDER.typed("k1", type, "hana", "EMPLOYEE")).status()).as(type).isEqualTo(200);
        }
        assertThat(client.get("/api/redeployment/cases", PROVIDER.token("k1", "hana", "EMPLOYEE")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("API2 broken authentication: a key withdrawn from the JWK set stops being accepted at the next refresh, though its token was verified (and remembered) before")
    void withdrawnKeyStopsBeingAccepted() {
        FromAddress client = client();
        String signedByWithdrawn = PROVIDER.token("withdrawn", "hana", "EMPLOYEE");
        assertThat(client.get("/api/redeployment/cases", signedByWithdrawn).status()).isEqualTo(200);
        assertThat(client.get("/api/redeployment/cases", signedByWithdrawn).status()).isEqualTo(200);

        PROVIDER.remove("withdrawn");
        long removed = System.nanoTime();
        await().atMost(REFRESH.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.get("/api/redeployment/cases", signedByWithdrawn).status() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThanOrEqualTo(REFRESH.multipliedBy(2));
        refusedAsProblem(client.get("/api/redeployment/cases", signedByWithdrawn));
        assertThat(client.get("/api/redeployment/cases", PROVIDER.token("k1", "hana", "EMPLOYEE")).status()).isEqualTo(200);
    }
}
