package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;


import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With a management port of its own (inside the cluster only), Prometheus scrapes there without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=", "management.server.port=0"})
class ManagementPortIT {

    private static final StubService STUB = new StubService();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, TestTokens.properties());
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    @DisplayName("API8 security misconfiguration: on the management port the scrape needs no token; on the API's port there is no actuator for anyone but health and info")
    void scrapeOnTheManagementPort() {
        FromAddress api = new FromAddress("127.0.0.1", port);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", TestTokens.forClient("ops", "OPERATOR")).status()).isEqualTo(404);
        assertThat(api.get("/api/redeployment/cases", null).status()).as("the API's own rules are unchanged").isEqualTo(401);

        FromAddress.Answer scrape = new FromAddress("127.0.0.1", managementPort).get("/actuator/prometheus", null);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.headers().getContentType().toString()).startsWith("text/plain");
        assertThat(scrape.body().get("text")).asString().contains("http_server_requests_seconds_bucket{");

    }
}
