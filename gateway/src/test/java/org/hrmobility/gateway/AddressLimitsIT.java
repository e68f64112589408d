package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hrmobility.websecurity.test.TestKeySet;
import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limit per client address, in front of the token check, with callers at real different addresses (each test
 * its own loopback address): 5 charged requests at once, 1 a second; 127.0.0.3 plays a trusted proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=",
        "hrm.gateway.address.requests-per-second=1",
        "hrm.gateway.address.burst=5",
        "hrm.gateway.address.trusted-proxies=127.0.0.3, 10.0.0.0/8",
        "hrm.gateway.requests-per-second=2",
        "hrm.gateway.burst=10"})
class AddressLimitsIT {

    private static final StubService STUB = new StubService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, TestTokens.properties());
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    private static String employee(String who) {
        return TestTokens.forPerson(who, "E-" + who, "DEPT-WSE", "EMPLOYEE");
    }

    private static List<Integer> statuses(List<FromAddress.Answer> answers) {
        return answers.stream().map(FromAddress.Answer::status).toList();
    }

    @Test
    @DisplayName("API4 unrestricted resource consumption: a flood of bad tokens from one address is answered 429 problem+json with Retry-After after the burst, before the token is checked; another address is unaffected")
    void badTokenFloodIsLimitedPerAddress() {
        FromAddress flooder = new FromAddress("127.0.0.2", port);
        List<FromAddress.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String bad = i % 2 == 0 ? TestKeySet.forgedWithRandomKeyId("mallory", "OPERATOR") : "not-a-jwt." + i;
            answers.add(flooder.get("/api/redeployment/cases", bad));
        }

        assertThat(statuses(answers).subList(0, 5)).containsOnly(401);
        assertThat(statuses(answers).stream().filter(s -> s == 401).count()).as("a refill of 1 a second at most").isLessThanOrEqualTo(7);
        assertThat(statuses(answers).subList(8, 20)).containsOnly(429);
        FromAddress.Answer refused = answers.get(19);
        assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(refused.body()).containsEntry("type", "https://hrmobility.org/problems/too-many-requests").containsEntry("status", 429)
                .containsEntry("instance", "/api/redeployment/cases").doesNotContainKey("trace");
        // the address is refused as a whole until it refills, whatever it sends
        assertThat(flooder.get("/api/redeployment/cases", employee("at-flooded-address")).status()).isEqualTo(429);

        FromAddress neighbour = new FromAddress("127.0.0.4", port);
        assertThat(neighbour.get("/api/redeployment/cases", "not-a-jwt").status()).isEqualTo(401);
        assertThat(neighbour.get("/api/redeployment/cases", employee("neighbour")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("API4 unrestricted resource consumption: callers with valid tokens are not charged to their address (one address, many people), and the per-caller limit still holds them")
    void validCallersKeepTheirOwnLimit() {
        FromAddress office = new FromAddress("127.0.0.5", port);
        String greedy = employee("greedy-office");
        List<FromAddress.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(office.get("/api/redeployment/cases", greedy));
        }

        long passed = statuses(answers).stream().filter(s -> s == 200).count();
        assertThat(passed).as("the per-caller burst of 10, beyond the address's 5").isBetween(10L, 16L);
        FromAddress.Answer limited = answers.get(24);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().get("detail")).asString().contains("requests a second");
        for (int i = 0; i < 8; i++) {
            assertThat(office.get("/api/redeployment/cases", employee("colleague-" + i)).status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("API4 unrestricted resource consumption: X-Forwarded-For is read only from a trusted proxy, from the right; a client cannot spread its flood over made-up addresses")
    void forwardedForOnlyFromTrustedProxies() {
        FromAddress direct = new FromAddress("127.0.0.6", port);
        List<Integer> spoofed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            spoofed.add(direct.get("/api/redeployment/cases", "not-a-jwt", "X-Forwarded-For", "203.0.113." + i).status());
        }
        assertThat(spoofed.subList(8, 12)).containsOnly(429);

        FromAddress proxy = new FromAddress("127.0.0.3", port);
        List<Integer> behindProxy = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            behindProxy.add(proxy.get("/api/redeployment/cases", "not-a-jwt", "X-Forwarded-For", "198.51.100.7").status());
        }
        assertThat(behindProxy.subList(0, 5)).containsOnly(401);
        assertThat(behindProxy.subList(8, 12)).containsOnly(429);
        // another client behind the same proxy, and one behind two trusted proxies, are not limited by the first
        assertThat(proxy.get("/api/redeployment/cases", "not-a-jwt", "X-Forwarded-For", "198.51.100.8").status()).isEqualTo(401);
        assertThat(proxy.get("/api/redeployment/cases", "not-a-jwt", "X-Forwarded-For", "198.51.100.9, 10.1.2.3").status()).isEqualTo(401);
        // the limited client naming another address first: the proxy appended its real one, which counts
        assertThat(proxy.get("/api/redeployment/cases", "not-a-jwt", "X-Forwarded-For", "198.51.100.8, 198.51.100.7").status()).isEqualTo(429);
        assertThat(proxy.get("/api/redeployment/cases", employee("behind-proxy"), "X-Forwarded-For", "198.51.100.10").status()).isEqualTo(200);
    }
}
