package org.hrmobility.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.Topics;
import org.hrmobility.evaluation.file.EvaluationService;
import org.hrmobility.evaluation.probation.ProbationReminderRun;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

class EvaluationFlowIT extends ServiceApiTest {

    @Override
    protected String api() {
        return "/api/evaluations";
    }

    private static final String PROBLEMS = "https://hrmobility.org/problems/";

    @Autowired
    EvaluationService evaluations;
    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("R-EVA-3 and R-EVA-4: INSUFFICIENT opens a follow-up, a too-early evaluation is refused, a second INSUFFICIENT mandates dismissal; the events follow")
    void followUpToMandatedDismissal() {
        clock.moveTo(LocalDate.parse("2028-01-01"));
        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.EVALUATION_EVENTS)) {
            evaluate(people.lars, people.ezraId, "2026-08-31", "INSUFFICIENT").expectStatus().isCreated();
            followUp(people.ezra, people.ezraId).jsonPath("$.state").isEqualTo("FOLLOW_UP_OPEN")
                    .jsonPath("$.earliestNext").isEqualTo("2027-02-28")
                    .jsonPath("$.evaluationsSoFar").isEqualTo(0);

            evaluate(people.lars, people.ezraId, "2027-02-27", "GOOD").expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "evaluation-too-early")
                    .jsonPath("$.rule").isEqualTo("R-EVA-3");
            post(people.lars, "/follow-ups/" + people.ezraId + "/guidance-actions", Map.of("action", "performance talk"))
                    .expectStatus().isOk().expectBody().jsonPath("$.guidanceActions[0]").isEqualTo("performance talk");
            evaluate(people.lars, people.ezraId, "2027-03-31", "SUFFICIENT").expectStatus().isCreated();
            evaluate(people.lars, people.ezraId, "2027-09-30", "INSUFFICIENT").expectStatus().isCreated();

            followUp(people.lars, people.ezraId).jsonPath("$.state").isEqualTo("DISMISSAL_MANDATED")
                    .jsonPath("$.evaluationsSoFar").isEqualTo(2);
            List<ConsumerRecord<String, byte[]>> arrived = events.await(5, r -> r.key().equals(people.ezraId), Duration.ofSeconds(30));
            assertThat(arrived).extracting(r -> EventCapture.header(r, "ce_type")).containsExactly(
                    "hrm.evaluation.EvaluationRecorded.v1", "hrm.evaluation.FollowUpOpened.v1",
                    "hrm.evaluation.EvaluationRecorded.v1", "hrm.evaluation.EvaluationRecorded.v1",
                    "hrm.evaluation.DismissalMandated.v1");
        }
        get(people.bea, "/figures?year=2027").expectStatus().isOk().expectBody()
                .jsonPath("$[0].entity").isEqualTo(people.entity).jsonPath("$[0].dismissalsMandated").isEqualTo(1);
        get(people.bea, "/figures?year=2026").expectBody().jsonPath("$[0].dismissalsMandated").isEqualTo(0);
        evaluate(people.lars, people.ezraId, "2027-12-31", "GOOD").expectStatus().isEqualTo(409);
    }

    @Test
    @DisplayName("R-EVA-2: special circumstances make a dismissal proposal; HR decides; not dismissed, a follow-up opens")
    void dismissalProposal() {
        clock.moveTo(LocalDate.parse("2028-01-01"));
        Map<String, Object> special = evaluation(people.emmaId, "2026-06-30", "INSUFFICIENT");
        special.put("specialCircumstances", true);
        special.put("motivation", "Exceptionally poor functioning, no goodwill in three documented talks.");
        post(people.lars, "", special).expectStatus().isCreated();
        followUp(people.lars, people.emmaId).jsonPath("$.state").isEqualTo("DISMISSAL_PROPOSED");

        evaluate(people.lars, people.emmaId, "2027-06-30", "GOOD").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("R-EVA-2");
        post(people.lars, "/follow-ups/" + people.emmaId + "/dismissal-decision", Map.of("dismissed", false, "motivation", "m"))
                .expectStatus().isForbidden();
        post(people.hana, "/follow-ups/" + people.emmaId + "/dismissal-decision",
                Map.of("dismissed", false, "motivation", "a last chance")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("FOLLOW_UP_OPEN").jsonPath("$.earliestNext").isEqualTo("2026-12-30")
                .jsonPath("$.proposal").isEqualTo("NOT_DISMISSED");
    }

    @Test
    @DisplayName("R-EVA-5: a contractual employee's dismissal under labour law is recorded; for statutory staff it is refused")
    void contractualDismissal() {
        post(people.hana, "/contractual-dismissals", Map.of("employeeId", people.ezraId, "effectiveOn", "2026-12-31",
                "reason", "notice under labour law")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CONTRACTUAL_DISMISSAL_RECORDED");
        post(people.hana, "/contractual-dismissals", Map.of("employeeId", people.emmaId, "effectiveOn", "2026-12-31",
                "reason", "notice")).expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("R-EVA-5");
    }

    @Test
    @DisplayName("access: employees read their own, line managers record and read their reports', case handlers all; others 404")
    void access() {
        clock.moveTo(LocalDate.parse("2027-01-15"));
        evaluate(people.lars, people.emmaId, "2026-06-30", "GOOD").expectStatus().isCreated();

        get(people.emma, "?employeeId=" + people.emmaId).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        get(people.ezra, "?employeeId=" + people.emmaId).expectStatus().isNotFound();
        get(people.otherManager, "?employeeId=" + people.emmaId).expectStatus().isNotFound();
        get(people.bea, "?employeeId=" + people.emmaId).expectStatus().isNotFound();
        get(people.hana, "?employeeId=" + people.emmaId).expectStatus().isOk();
        evaluate(people.otherManager, people.emmaId, "2026-12-31", "GOOD").expectStatus().isNotFound();
        evaluate(people.emma, people.emmaId, "2026-12-31", "VERY_GOOD").expectStatus().isForbidden();
        web.get().uri("/api/evaluations?employeeId=" + people.emmaId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    @DisplayName("R-ACC-2: HR records a line manager's evaluation only on their behalf, with a reason, shown so in the history; nobody evaluates themselves")
    void onBehalfAndOwnFile() {
        clock.moveTo(LocalDate.parse("2027-01-15"));
        evaluate(people.hana, people.emmaId, "2026-12-31", "GOOD").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "reason-required");
        Map<String, Object> onBehalf = evaluation(people.emmaId, "2026-12-31", "GOOD");
        onBehalf.put("reason", "Lars is on long-term leave; the signed report came to HR");
        post(people.hana, "", onBehalf).expectStatus().isCreated();
        get(people.lars, "/follow-ups/" + people.emmaId + "/history").expectStatus().isOk().expectBody()
                .jsonPath("$[0].capacity").isEqualTo("ON_BEHALF")
                .jsonPath("$[0].onBehalfOf").isEqualTo(people.managerId)
                .jsonPath("$[0].actorEmployeeId").isEqualTo(people.hanaId);

        evaluate(people.hana, people.hanaId, "2026-12-31", "VERY_GOOD").expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("R-ACC-2");
        Map<String, Object> ownWithReason = evaluation(people.hanaId, "2026-12-31", "VERY_GOOD");
        ownWithReason.put("reason", "I deserve it");
        post(people.hana, "", ownWithReason).expectStatus().isForbidden();
    }

    @Test
    @DisplayName("R-EVA-7: an evaluation held after today is refused, whatever the follow-up")
    void postDated() {
        LocalDate tomorrow = CalendarDays.today(clock).plusDays(1);
        evaluate(people.lars, people.emmaId, tomorrow.toString(), "GOOD").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("R-EVA-7").jsonPath("$.type").isEqualTo(PROBLEMS + "evaluation-post-dated");
    }

    @Test
    @DisplayName("R-COR-1: HR corrects a rating; the mandated dismissal is lifted and those concerned are told by events; not the line manager")
    void correction() {
        clock.moveTo(LocalDate.parse("2028-01-01"));
        evaluate(people.lars, people.ezraId, "2026-08-31", "INSUFFICIENT").expectStatus().isCreated();
        String second = evaluate(people.lars, people.ezraId, "2027-03-31", "INSUFFICIENT").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        followUp(people.lars, people.ezraId).jsonPath("$.state").isEqualTo("DISMISSAL_MANDATED");
        Map<String, Object> correction = Map.of("rating", "SUFFICIENT", "periodFrom", "2026-04-01", "periodTo", "2027-03-31",
                "evaluatedOn", "2027-03-31", "reason", "the signed report says SUFFICIENT");

        post(people.lars, "/" + second + "/correction", correction).expectStatus().isForbidden();
        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.EVALUATION_EVENTS)) {
            post(people.hana, "/" + second + "/correction", correction).expectStatus().isOk().expectBody()
                    .jsonPath("$.state").isEqualTo("FOLLOW_UP_OPEN").jsonPath("$.evaluationsSoFar").isEqualTo(1);
            assertThat(events.await(3, r -> r.key().equals(people.ezraId), Duration.ofSeconds(30)))
                    .extracting(r -> EventCapture.header(r, "ce_type")).containsExactly("hrm.evaluation.EvaluationCorrected.v1",
                            "hrm.evaluation.DismissalMandateLifted.v1", "hrm.evaluation.FollowUpOpened.v1");
        }
        get(people.ezra, "/" + second).expectStatus().isOk().expectBody().jsonPath("$.rating").isEqualTo("SUFFICIENT");
        get(people.lars, "/follow-ups/" + people.ezraId + "/history").expectBody()
                .jsonPath("$[-1].detail").isEqualTo("the signed report says SUFFICIENT");
    }

    @Test
    @DisplayName("400 for malformed ratings and periods, special circumstances without INSUFFICIENT; 422 out of order")
    void refusals() {
        evaluate(people.lars, people.emmaId, "2026-06-30", "MEDIOCRE").expectStatus().isBadRequest();
        Map<String, Object> reversed = evaluation(people.emmaId, "2026-06-30", "GOOD");
        reversed.put("periodTo", "2025-01-01");
        post(people.lars, "", reversed).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.message == 'the period starts before it ends (R-EVA-7)' && !@.field)]").exists();
        Map<String, Object> special = evaluation(people.emmaId, "2026-06-30", "GOOD");
        special.put("specialCircumstances", true);
        post(people.lars, "", special).expectStatus().isBadRequest();

        evaluate(people.lars, people.emmaId, "2026-06-30", "GOOD").expectStatus().isCreated();
        evaluate(people.lars, people.emmaId, "2026-05-31", "GOOD").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "evaluation-out-of-order").jsonPath("$.rule").isEqualTo("R-EVA-7");
    }

    @Test
    @DisplayName("R-EVA-6: a probation of 6 to 12 months, reminded a month before its end, ended by its evaluation, corrected with it (R-COR-1); R-EVA-3 reminder a month before the next follow-up evaluation")
    void probationAndReminders() {
        LocalDate start = LocalDate.now(CalendarDays.ZONE);
        post(people.hana, "/probations", Map.of("employeeId", people.managerId, "startsOn", start.toString(), "months", 5))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("R-EVA-6");
        post(people.hana, "/probations", Map.of("employeeId", people.managerId, "startsOn", start.toString(), "months", 12))
                .expectStatus().isCreated();
        post(people.hana, "/probations", Map.of("employeeId", people.managerId, "startsOn", start.toString(), "months", 6))
                .expectStatus().isEqualTo(409);
        evaluate(people.lars, people.ezraId, LocalDate.now(CalendarDays.ZONE).minusDays(1).toString(), "INSUFFICIENT").expectStatus().isCreated();

        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.EVALUATION_EVENTS)) {
            clock.advance(Duration.ofDays(160));
            evaluations.sendReminders().block();
            assertThat(events.await(1, r -> r.key().equals(people.ezraId)
                    && "hrm.evaluation.FollowUpEvaluationDue.v1".equals(EventCapture.header(r, "ce_type")), Duration.ofSeconds(30)))
                    .hasSize(1);
            clock.advance(Duration.ofDays(190));
            ProbationReminderRun.now(context);
            assertThat(events.await(1, r -> r.key().equals(people.managerId)
                    && "hrm.evaluation.ProbationEndingSoon.v1".equals(EventCapture.header(r, "ce_type")), Duration.ofSeconds(30)))
                    .hasSize(1);
        }
        String end = CalendarDays.lastDayOfMonths(start, 12).toString();
        clock.advance(Duration.ofDays(30));
        String closing = evaluate(people.hana, people.managerId, end, "GOOD").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        get(people.hana, "/probations").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].endRating").isEqualTo(List.of("GOOD"))
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].outcome").isEqualTo(List.of("PASSED"))
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].endedBy").isEqualTo(List.of(closing));

        // R-COR-1: the closing evaluation corrected, the probation's outcome with it, and those concerned told
        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.EVALUATION_EVENTS)) {
            post(people.hana, "/" + closing + "/correction", Map.of("rating", "INSUFFICIENT", "periodFrom", start.toString(),
                    "periodTo", end, "evaluatedOn", end, "reason", "the signed report says INSUFFICIENT")).expectStatus().isOk();
            assertThat(events.await(3, r -> r.key().equals(people.managerId), Duration.ofSeconds(30)))
                    .extracting(r -> EventCapture.header(r, "ce_type")).containsExactly("hrm.evaluation.EvaluationCorrected.v1",
                            "hrm.evaluation.FollowUpOpened.v1", "hrm.evaluation.ProbationCorrected.v1");
        }
        get(people.hana, "/probations?active=false").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].outcome").isEqualTo(List.of("FAILED"));
        // the day before the probation's last month (its closing window) starts, whatever day the test runs
        String monthEarlier = CalendarDays.lastDayOfMonths(start, 12).minusMonths(1).minusDays(1).toString();
        post(people.hana, "/" + closing + "/correction", Map.of("rating", "INSUFFICIENT", "periodFrom", start.toString(),
                "periodTo", monthEarlier, "evaluatedOn", monthEarlier, "reason", "held before the probation's last month"))
                .expectStatus().isOk();
        get(people.hana, "/probations?active=true").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].endsOn").isEqualTo(List.of(end))
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].active").isEqualTo(List.of(true))
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')].outcome").isEqualTo(Collections.singletonList(null));
        get(people.hana, "/probations?active=false").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')]").isEmpty();

        // back into the last month it ends the probation again; once a later probation runs, it cannot run again
        post(people.hana, "/" + closing + "/correction", Map.of("rating", "GOOD", "periodFrom", start.toString(), "periodTo", end,
                "evaluatedOn", end, "reason", "held on the last day after all")).expectStatus().isOk();
        LocalDate secondStart = start.plusDays(380);
        post(people.hana, "/probations", Map.of("employeeId", people.managerId, "startsOn", secondStart.toString(), "months", 6))
                .expectStatus().isCreated();
        Map<String, Object> heldEarly = Map.of("rating", "GOOD", "periodFrom", start.toString(), "periodTo", monthEarlier,
                "evaluatedOn", monthEarlier, "reason", "held a month early");
        post(people.hana, "/" + closing + "/correction", heldEarly).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "probation-running")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("would run again after a later probation"));
        get(people.hana, "/" + closing).expectStatus().isOk().expectBody().jsonPath("$.evaluatedOn").isEqualTo(end);
        // nor once that later probation has ended too
        String secondEnd = CalendarDays.lastDayOfMonths(secondStart, 6).toString();
        clock.advance(Duration.ofDays(200));
        evaluate(people.hana, people.managerId, secondEnd, "GOOD").expectStatus().isCreated();
        get(people.hana, "/probations?active=true").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + people.managerId + "')]").isEmpty();
        post(people.hana, "/" + closing + "/correction", heldEarly).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "probation-running");
        post(people.hana, "/probations", Map.of("employeeId", people.emmaId, "startsOn", start.toString(), "months", 6))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-a-manager");
    }

    private Map<String, Object> evaluation(String employeeId, String on, String rating) {
        Map<String, Object> body = new HashMap<>();
        body.put("employeeId", employeeId);
        body.put("periodFrom", LocalDate.parse(on).minusYears(1).toString());
        body.put("periodTo", on);
        body.put("evaluatedOn", on);
        body.put("rating", rating);
        return body;
    }

    private WebTestClient.ResponseSpec evaluate(String token, String employeeId, String on, String rating) {
        return post(token, "", evaluation(employeeId, on, rating));
    }

    private WebTestClient.BodyContentSpec followUp(String token, String employeeId) {
        return get(token, "/follow-ups/" + employeeId).expectStatus().isOk().expectBody();
    }
}
