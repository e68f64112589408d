package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.redeployment.casefile.CaseService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class RedeploymentConcurrencyIT extends RedeploymentApiTest {

    @Autowired
    CaseService cases;
    @Value("${local.server.port}")
    int port;


    @Test
    @DisplayName("R-RED-5: two offers sent at the same moment to one case never both win")
    void concurrentOffers() {
        for (int round = 0; round < 5; round++) {
            String caseId = api.caseInPool(api.emmaId);
            List<Integer> statuses = concurrently(2, i -> "/cases/" + caseId + "/offers",
                    i -> Map.of("title", "Adviser " + i, "entity", api.entity, "grade", "B1"), api.hana);

            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            api.get(api.hana, "/cases/" + caseId).expectBody().jsonPath("$.offers.length()").isEqualTo(1);
            api.post(api.hana, "/cases/" + caseId + "/closure", Map.of("reason", "next round")).expectStatus().isOk();
        }
    }

    @Test
    @DisplayName("an acceptance and a refusal of the same offer at the same moment: exactly one wins")
    void concurrentAnswers() {
        String caseId = api.caseInPool(api.emmaId);
        String offerId = api.offerId(caseId, "B2");
        String base = "/cases/" + caseId + "/offers/" + offerId;

        List<Integer> statuses = concurrently(2, i -> base + (i == 0 ? "/acceptance" : "/refusal"),
                i -> Map.of("reason", "answer " + i), api.emma);

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        api.get(api.emma, "/cases/" + caseId + "/history").expectBody()
                .jsonPath("$[?(@.action =~ /offer 1 (accepted|refused).*/)]").value(list -> assertThat((List<?>) list).hasSize(1));
    }

    @Test
    @DisplayName("R-RED-5: an offer is reminded three days before its deadline and, unanswered, expires into a refusal (clock moved, no sleeping)")
    void deadlines() {
        String caseId = api.caseInPool(api.emmaId);
        api.offerId(caseId, "B2");

        clock.advance(Duration.ofDays(11).plusHours(1));
        cases.applyDeadlines().block();
        api.get(api.emma, "/cases/" + caseId + "/history").expectBody()
                .jsonPath("$[-1].action").value(a -> assertThat((String) a).startsWith("reminder: offer 1"));
        api.get(api.emma, "/cases/" + caseId).expectBody().jsonPath("$.offers[0].status").isEqualTo("OPEN");

        clock.advance(Duration.ofDays(4));
        cases.applyDeadlines().block();
        api.get(api.emma, "/cases/" + caseId).expectBody()
                .jsonPath("$.offers[0].status").isEqualTo("EXPIRED")
                .jsonPath("$.refusals").isEqualTo(1);
    }

    @Test
    @DisplayName("R-RED-5 on two instances: two deadline passes at the same moment remind each due offer exactly once, and a conflict on one case does not stop the pass")
    void deadlinePassesOnTwoInstances() {
        List<String> caseIds = new ArrayList<>();
        for (String employee : List.of(api.emmaId, api.ezraId)) {
            String caseId = api.caseInPool(employee);
            api.offerId(caseId, employee.equals(api.emmaId) ? "B2" : "C2");
            caseIds.add(caseId);
        }
        clock.advance(Duration.ofDays(11).plusHours(1));

        List<Long> decided = Flux.merge(cases.applyDeadlines().subscribeOn(Schedulers.parallel()),
                cases.applyDeadlines().subscribeOn(Schedulers.parallel())).collectList().block();

        assertThat(decided.stream().mapToLong(Long::longValue).sum()).as("passes %s", decided).isGreaterThanOrEqualTo(2);
        for (String caseId : caseIds) {
            api.get(api.hana, "/cases/" + caseId + "/history").expectBody()
                    .jsonPath("$[?(@.action =~ /reminder: offer 1.*/)]").value(list -> assertThat((List<?>) list).hasSize(1));
            assertThat(db.sql("select count(*) from hrm_kit.outbox_event where message_key = :id and ce_type like '%OfferDeadlineApproaching%'")
                    .bind("id", caseId).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R-RED-6: ranking a vacancy against a pool of 2,000 employees (time printed, not asserted)")
    void rankingAtScale() {
        String entity = "POOL-" + UUID.randomUUID().toString().substring(0, 8);
        String[] grades = {"D1", "C1", "C3", "B1", "B2", "A1", "A2"};
        String[] families = {"policy-advice", "finance", "ict", "legal"};
        Flux.range(0, 2000).concatMap(i -> db.sql("""
                        insert into hrm_kit.employee (employee_id, name, entity, grade, line_manager_id, job_family, competences)
                        values (:id, :name, :entity, :grade, '', :family, :competences)""")
                        .bind("id", entity + "-" + i).bind("name", "Pool " + i).bind("entity", entity)
                        .bind("grade", grades[i % grades.length]).bind("family", families[i % families.length])
                        .bind("competences", new String[] {"c" + (i % 7), "c" + (i % 11), "c" + (i % 13)}).then()
                        .then(db.sql("""
                                insert into redeployment_case (id, subject_id, entity, status, opened_at, registered_at,
                                                               document, schema_version, version)
                                values (:id, :employeeId, :entity, 'IN_POOL', now(), now() - make_interval(days => :days),
                                        '{}'::jsonb, 1, 1)""")
                                .bind("id", UUID.randomUUID()).bind("employeeId", entity + "-" + i).bind("entity", entity)
                                .bind("days", i % 400).then()))
                .blockLast();
        String vacancyId = "JP-SCALE-" + entity;
        api.post(api.jobpunt, "/vacancies", Map.of("vacancyId", vacancyId, "title", "Analyst", "entity", entity,
                "grade", "B1", "jobFamily", "finance", "competences", List.of("c1", "c2", "c3"))).expectStatus().isCreated();

        List<Long> millis = new ArrayList<>();
        List<?> candidates = null;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            candidates = api.get(api.jobpunt, "/vacancies/" + vacancyId + "/candidates?limit=20").expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("%nR-RED-6 ranking of a vacancy against a pool of 2,000+ (over HTTP, incl. the query, top 20): %s ms "
                + "(runs 1-5)%n%n", millis);
        assertThat(candidates).hasSize(20);
        assertThat(((Map<?, ?>) candidates.get(0)).get("sameJobFamily")).isEqualTo(true);
    }

    /** Fires {@code n} POSTs at once from separate connections and returns their statuses. */
    private List<Integer> concurrently(int n, IntFunction<String> path, IntFunction<Object> body, String token) {
        WebClient client = WebClient.create("http://localhost:" + port + "/api/redeployment");
        return Flux.range(0, n)
                .flatMap(i -> client.post().uri(path.apply(i)).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                        .bodyValue(body.apply(i)).exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), n)
                .collectList().block();
    }
}
