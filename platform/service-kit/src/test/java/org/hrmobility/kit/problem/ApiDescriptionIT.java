package org.hrmobility.kit.problem;

import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
class ApiDescriptionIT {

    @Autowired
    WebTestClient web;

    @Test
    @DisplayName("the OpenAPI description shows the API as clients call it: the caller comes from the token, not from parameters")
    void callerIsNotAParameter() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/probe/me'].get").exists()
                .jsonPath("$.paths['/probe/me'].get.parameters").doesNotExist()
                .jsonPath("$.paths['/probe/employees/{employeeId}/file'].get.parameters.length()").isEqualTo(1)
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
    }

    @Test
    @DisplayName("the description states the HTTP contract: Idempotency-Key on every POST, ETag on reads of one record")
    void httpContract() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/notes'].post.parameters[?(@.name == 'Idempotency-Key')].in").isEqualTo("header")
                .jsonPath("$.paths['/notes'].post.responses['422']").exists()
                .jsonPath("$.paths['/notes'].post.parameters[?(@.name == 'If-Match')]").isEmpty()
                .jsonPath("$.paths['/probe/employees/{employeeId}/file'].get.responses['200'].headers.ETag").exists();
    }
}
