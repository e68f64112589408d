package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.TestPeople;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class RedeploymentSearchIT extends RedeploymentApiTest {

    @Test
    @DisplayName("assignment: HR takes a case, passing it to another needs a reason, both in the history; an unknown handler is refused; only HR assigns")
    void assignment() {
        String caseId = api.openCase(api.emmaId);
        api.post(api.lars, "/cases/" + caseId + "/assignment", Map.of("handlerId", api.managerId)).expectStatus().isForbidden();
        api.post(api.hana, "/cases/" + caseId + "/assignment", Map.of("handlerId", "NOBODY-" + api.entity))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/unknown-case-handler");

        String hanaId = "H-" + api.entity;
        api.post(api.hana, "/cases/" + caseId + "/assignment", Map.of("handlerId", hanaId)).expectStatus().isOk()
                .expectBody().jsonPath("$.assignedTo").isEqualTo(hanaId);
        api.post(api.hana, "/cases/" + caseId + "/assignment", Map.of("handlerId", api.managerId)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/reason-required");
        api.post(api.hana, "/cases/" + caseId + "/assignment", Map.of("handlerId", api.managerId, "reason", "Hana on leave"))
                .expectStatus().isOk().expectBody().jsonPath("$.assignedTo").isEqualTo(api.managerId);

        api.get(api.hana, "/cases/" + caseId + "/history").expectBody()
                .jsonPath("$[?(@.action == 'assigned to " + hanaId + "')]").isNotEmpty()
                .jsonPath("$[?(@.action == 'reassigned from " + hanaId + " to " + api.managerId + "')].detail").isEqualTo(List.of("Hana on leave"));
    }

    @Test
    @DisplayName("search: my cases, by line manager, opened between, next deadline before, entity and status together, paged")
    void search() {
        String emmaCase = api.caseInPool(api.emmaId);
        String ezraCase = api.openCase(api.ezraId);
        api.offerId(emmaCase, "B2");
        String hanaId = "H-" + api.entity;
        api.post(api.hana, "/cases/" + ezraCase + "/assignment", Map.of("handlerId", hanaId)).expectStatus().isOk();
        LocalDate today = LocalDate.now(CalendarDays.ZONE);

        ids("/cases?entity=" + api.entity + "&assignedTo=me").containsExactly(ezraCase);
        ids("/cases?lineManagerId=" + api.managerId + "&entity=" + api.entity).containsExactlyInAnyOrder(emmaCase, ezraCase);
        ids("/cases?entity=" + api.entity + "&status=IN_POOL").containsExactly(emmaCase);
        ids("/cases?entity=" + api.entity + "&nextDeadlineBefore=" + today.plusDays(30)).containsExactly(emmaCase);
        ids("/cases?entity=" + api.entity + "&nextDeadlineBefore=" + today).isEmpty();
        ids("/cases?entity=" + api.entity + "&openedFrom=" + today + "&openedTo=" + today).hasSize(2);
        ids("/cases?entity=" + api.entity + "&openedTo=" + today.minusDays(1)).isEmpty();
        api.get(api.hana, "/cases?entity=" + api.entity + "&size=1&page=1").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.total").isEqualTo(2).jsonPath("$.page").isEqualTo(1);
    }

    @Test
    @DisplayName("export: the case list as CSV (UTF-8 with BOM, a header, every matching row), with the list's filters and access: a line manager's export holds only his reports")
    void csvExport() {
        String emmaCase = api.openCase(api.emmaId);
        RedeploymentApi elsewhere = new RedeploymentApi(web, new TestPeople(db, bootstrap));
        String other = elsewhere.openCase(elsewhere.emmaId);

        byte[] larsCsv = web.get().uri("/api/redeployment/cases?format=csv").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(api.lars))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).contains("attachment").contains("cases.csv"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(larsCsv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(larsCsv, StandardCharsets.UTF_8);
        assertThat(text.lines().skip(1).toList()).hasSize(1).allMatch(line -> line.contains(emmaCase) && line.contains(api.emmaId));
        assertThat(text.lines().findFirst().orElseThrow()).contains("employeeId").contains("status");
        assertThat(text).doesNotContain(other);

        String hanaCsv = web.get().uri("/api/redeployment/cases?entity=" + api.entity).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(api.hana))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(hanaCsv.lines().count()).isEqualTo(2);
    }

    private org.assertj.core.api.ListAssert<Object> ids(String path) {
        List<Object> ids = api.get(api.hana, path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("items") instanceof List<?> items ? items.stream().map(i -> ((Map<?, ?>) i).get("id")).map(Object.class::cast).toList() : List.of();
        return assertThat(ids);
    }
}
