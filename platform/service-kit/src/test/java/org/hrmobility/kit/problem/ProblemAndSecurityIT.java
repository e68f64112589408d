package org.hrmobility.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrmobility.kit.test.TestTokens.bearer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
class ProblemAndSecurityIT {

    private static final String EMPLOYEE = TestTokens.forEmployee("E-1", "DEPT-A", Role.EMPLOYEE);

    @Autowired
    WebTestClient web;

    @Test
    @DisplayName("no token: 401 problem+json with WWW-Authenticate, nothing else said")
    void noToken() {
        web.get().uri("/probe/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401);
    }

    @Test
    @DisplayName("a token of another issuer, for another audience, expired or forged is refused with 401")
    void invalidTokens() {
        Instant later = Instant.now().plusSeconds(600);
        List<String> refused = List.of(
                TestTokens.with("x", "http://elsewhere", TestTokens.AUDIENCE, later, Role.HR_CASE_HANDLER),
                TestTokens.with("x", TestTokens.ISSUER, "another-api", later, Role.HR_CASE_HANDLER),
                TestTokens.with("x", TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().minusSeconds(600),
                        Role.HR_CASE_HANDLER),
                EMPLOYEE.substring(0, EMPLOYEE.lastIndexOf('.') + 1) + "Zm9yZ2Vk");
        for (String token : refused) {
            web.get().uri("/probe/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    @DisplayName("a valid token: the caller's subject, employee id, roles and entity reach the controller")
    void currentUser() {
        web.get().uri("/probe/me").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("E-1")
                .jsonPath("$.employeeId").isEqualTo("E-1")
                .jsonPath("$.entity").isEqualTo("DEPT-A")
                .jsonPath("$.roles[0]").isEqualTo("EMPLOYEE");
    }

    @Test
    @DisplayName("object level: the employee, their line manager and case handlers see a file; anyone else gets 404")
    void objectLevelAccess() {
        Map<String, Integer> expected = Map.of(
                TestTokens.forEmployee("E-7", "DEPT-A", Role.EMPLOYEE), 200,
                TestTokens.forEmployee("E-MGR", "DEPT-A", Role.LINE_MANAGER), 200,
                TestTokens.forEmployee("E-HR", "DEPT-A", Role.HR_CASE_HANDLER), 200,
                TestTokens.forEmployee("E-8", "DEPT-A", Role.EMPLOYEE), 404,
                TestTokens.forEmployee("E-OTHER-MGR", "DEPT-A", Role.LINE_MANAGER), 404,
                TestTokens.forClient("jobpunt", Role.RECRUITMENT_SYSTEM), 404);
        expected.forEach((token, status) -> web.get().uri("/probe/employees/E-7/file")
                .header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isEqualTo(status));
    }

    @Test
    @DisplayName("operations endpoints, metrics included, need the OPERATOR role on the application port: 401/403 problem+json for others")
    void operatorOnly() {
        web.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/forbidden");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange().expectStatus().isForbidden();
    }

    @Test
    @DisplayName("400 names every invalid field")
    void validation() {
        postedAsEmployee("/probe/validated", Map.of("name", " ", "count", 0))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/validation")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'count')]").exists();
    }

    @Test
    @DisplayName("400 for a check across fields gives its message without a field the client never sent")
    void checkAcrossFields() {
        postedAsEmployee("/probe/validated", Map.of("name", "four", "count", 2))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].message").isEqualTo("the name is no longer than the count")
                .jsonPath("$.errors[0].field").doesNotExist();
    }

    @Test
    @DisplayName("400 for a body that is not JSON, without parser internals")
    void malformed() {
        postedAsEmployee("/probe/validated", "{\"name\": ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/malformed-request")
                .jsonPath("$.detail").isEqualTo("The body is not valid JSON (line 1, column 10).");
    }

    @Test
    @DisplayName("400 names a body's field of the wrong form and the form it takes, nested fields too, never our classes")
    void bodyFieldOfTheWrongForm() {
        bodyOfTheWrongForm("{\"day\":\"2026-13-01\"}")
                .jsonPath("$.detail").isEqualTo("day must be a date, yyyy-mm-dd.")
                .jsonPath("$.errors[0].field").isEqualTo("day")
                .jsonPath("$.errors[0].message").isEqualTo("must be a date, yyyy-mm-dd");
        bodyOfTheWrongForm("{\"lines\":[{\"colour\":\"RED\",\"count\":1},{\"colour\":\"BLUE\",\"count\":1}]}")
                .jsonPath("$.detail").isEqualTo("lines[1].colour must be one of RED, GREEN.");
        bodyOfTheWrongForm("{\"lines\":[{\"count\":\"many\"}]}")
                .jsonPath("$.detail").isEqualTo("lines[0].count must be a whole number.");
        bodyOfTheWrongForm("{\"lines\":{\"count\":1}}")
                .jsonPath("$.detail").isEqualTo("lines must be a list.");
        bodyOfTheWrongForm("{\"lines\":[{\"colour\":\"RED\",}]}")
                .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail))
                        .startsWith("The body is not valid JSON (line 1, column"));
        bodyOfTheWrongForm("{\"lines\":[{\"count\":99999999999}]}")
                .jsonPath("$.detail").isEqualTo("lines[0].count is out of range for a whole number.");
        bodyOfTheWrongForm("[]")
                .jsonPath("$.detail").isEqualTo("The body must be a JSON object with the request's fields.")
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    @DisplayName("400, not 500, for a date so far off that the calendar's arithmetic overflows")
    void dateOutOfRange() {
        web.get().uri(b -> b.path("/probe/month-after").queryParam("day", "{day}").build("+999999999-12-31"))
                .header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/date-out-of-range");
        web.get().uri("/probe/month-after?day=2026-01-31").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("\"2026-02-28\"");
    }

    private WebTestClient.ResponseSpec postedAsEmployee(String uri, Object json) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.BodyContentSpec bodyOfTheWrongForm(String body) {
        return postedAsEmployee("/probe/typed-body", body)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/malformed-request")
                .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).doesNotContain("org.hrmobility", "Probe"));
    }

    @Test
    @DisplayName("400 names a path or query parameter of the wrong form, and the form it takes")
    void parameterOfTheWrongForm() {
        String id = "0b5a2c1e-3f4d-4e5f-8a9b-0c1d2e3f4a5b";
        web.get().uri("/probe/typed/not-an-id").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/malformed-request")
                .jsonPath("$.detail").isEqualTo("id must be an id (a UUID).")
                .jsonPath("$.errors[0].field").isEqualTo("id");
        web.get().uri("/probe/typed/" + id + "?day=2026-02-30").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("day must be a date, yyyy-mm-dd.");
        web.get().uri("/probe/typed/" + id + "?colour=BLUE").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("colour must be one of RED, GREEN.");
        web.get().uri("/probe/typed/" + id + "?day=2026-02-28&colour=RED").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isOk();
    }

    @Test
    @DisplayName("405 says which methods are allowed (Allow), 415 which content types are (Accept), neither naming our classes")
    void wrongMethodAndWrongContentType() {
        web.delete().uri("/probe/validated").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/probe/validated").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("name=x").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().value(HttpHeaders.ACCEPT, accept -> assertThat(accept).contains("application/json"))
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("Content type 'text/plain' is not supported here; send application/json")
                        .doesNotContain("org.hrmobility"));
    }

    @Test
    @DisplayName("404 for an unknown object and for an unknown address, both problem+json")
    void notFound() {
        web.get().uri("/probe/missing").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/not-found")
                .jsonPath("$.instance").isEqualTo("/probe/missing");
        web.get().uri("/no/such/thing").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @DisplayName("409 and 422 carry a stable type per rule and the rule id")
    void ruleRefusals() {
        web.get().uri("/probe/conflict").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/offer-already-open")
                .jsonPath("$.rule").isEqualTo("R-RED-5");
        web.get().uri("/probe/rule").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/offer-grade-too-high")
                .jsonPath("$.rule").isEqualTo("R-RED-3")
                .jsonPath("$.detail").isEqualTo(
                        "An offer must be of equal or lower grade than the employee's own (B2); this one is A1.");
    }

    @Test
    @DisplayName("500 says nothing of the cause: no message, no class, no stack trace")
    void internalError() {
        String body = web.get().uri("/probe/boom").header(HttpHeaders.AUTHORIZATION, bearer(EMPLOYEE)).exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("https://hrmobility.org/problems/internal")
                .doesNotContain("secret", "IllegalStateException", "org.hrmobility", "\tat ");
    }
}
