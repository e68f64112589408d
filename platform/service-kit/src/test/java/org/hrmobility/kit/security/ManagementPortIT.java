package org.hrmobility.kit.security;

import org.hrmobility.devstack.DevstackInitializer;
import org.hrmobility.kit.test.MovableClock;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** a service started with a management port, as the chart runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "logging.structured.format.console="})
@ContextConfiguration(initializers = {DevstackInitializer.class, TestTokens.Initializer.class})
@Import(MovableClock.Config.class)
class ManagementPortIT {

    @Value("${local.server.port}")
    int port;
    @Value("${local.management.port}")
    int managementPort;

    @Test
    @DisplayName("the management port serves health and metrics to the cluster without a token; the application port keeps metrics for operators")
    void metricsOnTheManagementPortOnly() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        WebTestClient application = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();

        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        management.get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        application.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        application.get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forClient("ops", Role.OPERATOR)))
                .exchange().expectStatus().isNotFound();
    }
}
