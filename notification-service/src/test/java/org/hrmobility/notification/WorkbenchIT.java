package org.hrmobility.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.evaluation.ProbationCorrected;
import org.hrmobility.contracts.evaluation.ProbationEnded;
import org.hrmobility.contracts.evaluation.ProbationStarted;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.contracts.redeployment.CaseOpened;
import org.hrmobility.contracts.redeployment.GuidanceRecorded;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

class WorkbenchIT extends NotificationApiTest {

    @Override
    protected String api() {
        return "/api/workbench";
    }

    private String caseOpened() {
        String caseId = UUID.randomUUID().toString();
        publish(RedeploymentEvents.CASE_OPENED, caseId,
                new CaseOpened(caseId, people.emmaId, people.managerId, people.entity, "hana", Instant.now()));
        return caseId;
    }

    @Test
    @DisplayName("worklist: a case opened awaits the line manager's guidance; recorded, it leaves his list and awaits HR's admissibility; nobody else sees either")
    void worklistFollowsTheDecisions() {
        String caseId = caseOpened();
        Map<String, Object> item = awaitItem(people.lars, "GUIDANCE_TO_RECORD", caseId);
        assertThat(item.get("employeeId")).isEqualTo(people.emmaId);
        assertThat(item.get("link")).isEqualTo("/console/cases/" + caseId);
        assertThat(item.get("apiLink")).isEqualTo("/api/redeployment/cases/" + caseId);
        assertThat(worklist(people.emma, "")).noneMatch(i -> caseId.equals(id(i)));
        assertThat(worklist(people.otherManager, "")).noneMatch(i -> caseId.equals(id(i)));

        publish(RedeploymentEvents.GUIDANCE_RECORDED, caseId, new GuidanceRecorded(caseId, people.emmaId, people.managerId, people.entity,
                LocalDate.now(CalendarDays.ZONE).minusMonths(6), LocalDate.now(CalendarDays.ZONE).minusDays(1), List.of("coaching")));
        awaitItem(people.hana, "ADMISSIBILITY_TO_DECIDE", caseId);
        awaitNoItem(people.lars, "GUIDANCE_TO_RECORD", caseId);
        assertThat(worklist(people.bea, "")).noneMatch(i -> caseId.equals(id(i)));
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: a probation whose closing evaluation was corrected away awaits it again, due by its end; corrected to an outcome, it leaves the list")
    void probationRunningAgain() {
        String probationId = UUID.randomUUID().toString();
        LocalDate endsOn = LocalDate.now(CalendarDays.ZONE).plusDays(20);
        publish(EvaluationEvents.PROBATION_STARTED, people.emmaId, new ProbationStarted(people.emmaId, people.managerId, people.entity,
                probationId, endsOn.minusMonths(6), endsOn));
        awaitItem(people.lars, "PROBATION_ENDING", probationId);
        publish(EvaluationEvents.PROBATION_ENDED, people.emmaId, new ProbationEnded(people.emmaId, people.managerId, people.entity,
                probationId, endsOn, "GOOD", "PASSED"));
        awaitNoItem(people.lars, "PROBATION_ENDING", probationId);

        publish(EvaluationEvents.PROBATION_CORRECTED, people.emmaId, new ProbationCorrected(people.emmaId, people.managerId,
                people.entity, probationId, endsOn, null, null, "RUNNING", "held a month too early"));
        assertThat(awaitItem(people.lars, "PROBATION_ENDING", probationId).get("dueOn")).isEqualTo(endsOn.toString());

        publish(EvaluationEvents.PROBATION_CORRECTED, people.emmaId, new ProbationCorrected(people.emmaId, people.managerId,
                people.entity, probationId, endsOn, UUID.randomUUID().toString(), "INSUFFICIENT", "FAILED", "held in time after all"));
        awaitNoItem(people.lars, "PROBATION_ENDING", probationId);
    }

    @Test
    @DisplayName("worklist filters: kind, due before, overdue; counts per kind; the lag is shown")
    void filtersAndCounts() {
        String caseId = caseOpened();
        LocalDate due = LocalDate.now(CalendarDays.ZONE).minusDays(2);
        publish(RedeploymentEvents.OFFER_MADE, caseId, new OfferMade(caseId, people.emmaId, people.managerId, people.entity,
                UUID.randomUUID().toString(), 1, "Adviser", people.entity, "B2", null, due, false));
        awaitItem(people.emma, "OFFER_TO_ANSWER", caseId);

        assertThat(worklist(people.emma, "?overdue=true")).anyMatch(i -> caseId.equals(id(i)) && Boolean.TRUE.equals(i.get("overdue")));
        assertThat(worklist(people.emma, "?dueBefore=" + due.minusDays(1))).noneMatch(i -> caseId.equals(id(i)));
        assertThat(worklist(people.emma, "?kind=EVALUATION_DUE")).isEmpty();
        get(people.emma, "/worklist").expectStatus().isOk().expectBody()
                .jsonPath("$.counts.OFFER_TO_ANSWER").isEqualTo(1)
                .jsonPath("$.lagSeconds").isNumber();
        get(people.emma, "/worklist?kind=NOT_A_KIND").expectStatus().isBadRequest();
    }

    @Test
    @DisplayName("timeline: everything about the employee across services, newest first, for those who may see it; the worklist exports as CSV")
    void timelineAndExport() {
        String caseId = caseOpened();
        publish(RedeploymentEvents.GUIDANCE_RECORDED, caseId, new GuidanceRecorded(caseId, people.emmaId, people.managerId, people.entity,
                LocalDate.now(CalendarDays.ZONE).minusMonths(6), LocalDate.now(CalendarDays.ZONE).minusDays(1), List.of("coaching")));
        List<Map<String, Object>> timeline = await().atMost(WAIT).until(() -> timeline(people.hana, people.emmaId), t -> t.size() >= 2);
        assertThat(timeline.get(0).get("type")).isEqualTo(RedeploymentEvents.GUIDANCE_RECORDED.ceType());
        assertThat(timeline.get(1).get("type")).isEqualTo(RedeploymentEvents.CASE_OPENED.ceType());
        assertThat(timeline(people.lars, people.emmaId)).hasSize(timeline.size());
        assertThat(timeline(people.emma, people.emmaId)).hasSize(timeline.size());
        get(people.ezra, "/timeline/" + people.emmaId).expectStatus().isNotFound();
        get(people.otherManager, "/timeline/" + people.emmaId).expectStatus().isNotFound();

        byte[] csv = web.get().uri("/api/workbench/worklist?format=csv").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(people.hana))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(text).contains("kind").contains("ADMISSIBILITY_TO_DECIDE").contains(caseId);
    }

    @Test
    @DisplayName("R-ACC-3: a deputy named by the manager sees the manager's worklist items for his reports during the period, and is told what he is told; no deputy for someone who manages no one")
    void deputySeesTheManagersWork() {
        people.addOtherManager();
        String deputyId = people.otherManagerId();
        String deputy = people.otherManager;
        LocalDate today = LocalDate.now(CalendarDays.ZONE);
        post(people.lars, "/deputies", Map.of("deputyId", "NOBODY-" + people.entity, "from", today.toString(),
                "to", today.plusDays(7).toString())).expectStatus().isNotFound();
        post(people.lars, "/deputies", Map.of("deputyId", deputyId, "from", today.toString(), "to", today.plusDays(7).toString(),
                "reason", "leave")).expectStatus().isCreated();
        post(people.emma, "/deputies", Map.of("deputyId", deputyId, "from", today.toString(), "to", today.plusDays(7).toString()))
                .expectStatus().isForbidden();
        post(people.hana, "/deputies", Map.of("managerId", people.emmaId, "deputyId", deputyId, "from", today.toString(),
                "to", today.plusDays(7).toString(), "reason", "leave")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/not-a-manager").jsonPath("$.rule").isEqualTo("R-ACC-3");
        await().atMost(WAIT).until(() -> db.sql("select count(*) from hrm_kit.deputy where deputy_id = :d").bind("d", deputyId)
                .map(r -> r.get(0, Long.class)).one().block() > 0);

        String caseId = caseOpened();
        awaitItem(deputy, "GUIDANCE_TO_RECORD", caseId);
        awaitInboxOf(deputy, caseId);
    }

    @Test
    @DisplayName("the projection is rebuilt from the topics on an operator's demand: the worklist and timeline come back whole")
    void rebuild() {
        String caseId = caseOpened();
        awaitItem(people.lars, "GUIDANCE_TO_RECORD", caseId);
        String operator = TestTokens.forClient("ops", Role.OPERATOR);
        post(people.hana, "/projection/rebuild", Map.of()).expectStatus().isForbidden();
        post(operator, "/projection/rebuild", Map.of()).expectStatus().isAccepted();

        await().atMost(WAIT).until(() -> !Boolean.TRUE.equals(((Map<?, ?>) get(operator, "/projection").expectBody(Map.class)
                .returnResult().getResponseBody().get("rebuild")).get("running")));
        awaitItem(people.lars, "GUIDANCE_TO_RECORD", caseId);
        assertThat(timeline(people.hana, people.emmaId)).isNotEmpty();
    }

    private void awaitInboxOf(String token, String caseId) {
        await().atMost(WAIT).until(() -> {
            Map<String, Object> page = web.get().uri("/api/notifications?size=100").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                    .exchange().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                    }).returnResult().getResponseBody();
            return ((List<?>) page.get("items")).stream().anyMatch(n -> String.valueOf(((Map<?, ?>) n).get("link")).endsWith(caseId));
        });
    }

    private Map<String, Object> awaitItem(String token, String kind, String thingId) {
        return await().atMost(WAIT).until(() -> worklist(token, "?kind=" + kind), items -> items.stream().anyMatch(i -> thingId.equals(id(i))))
                .stream().filter(i -> thingId.equals(id(i))).findFirst().orElseThrow();
    }

    private void awaitNoItem(String token, String kind, String thingId) {
        await().atMost(WAIT).until(() -> worklist(token, "?kind=" + kind).stream().noneMatch(i -> thingId.equals(id(i))));
    }

    /** The thing a work item is about: its id is the kind and that thing's id. */
    private static String id(Map<String, Object> item) {
        String id = String.valueOf(item.get("id"));
        return id.substring(id.indexOf(':') + 1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> worklist(String token, String query) {
        return (List<Map<String, Object>>) get(token, "/worklist" + query).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("items");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(String token, String employeeId) {
        return (List<Map<String, Object>>) get(token, "/timeline/" + employeeId).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("items");
    }
}
