package org.hrmobility.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.tryMax;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What people do with the suite, as Gatling scenarios through the gateway: those who read (case handlers, line
 * managers, HR business partners) and the workflows that write (a redeployment from registration to placement ex
 * officio, an evaluation that opens a follow-up).
 */
final class Workloads {

    private final Suite suite;
    private final String hana;
    private final String lars;
    private final String bea;
    private final String emma;
    private final String ezra;
    private final LocalDate today = LocalDate.now();

    Workloads(Suite suite) {
        this.suite = suite;
        this.hana = suite.token("hana");
        this.lars = suite.token("lars");
        this.bea = suite.token("bea");
        this.emma = suite.token("emma");
        this.ezra = suite.token("ezra");
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(suite.gateway()).acceptHeader("application/json").contentTypeHeader("application/json")
                .shareConnections();
    }

    /** Case handlers and line managers reading: case lists, a case with its history, inboxes, figures. */
    ScenarioBuilder reading() {
        return scenario("reading").exec(
                http("case list").get("/api/redeployment/cases?size=20").header("Authorization", bearer(hana))
                        .check(status().is(200), jsonPath("$.items[0].id").optional().saveAs("caseId")),
                exec(http("inbox (case handler)").get("/api/notifications?size=20").header("Authorization", bearer(hana))
                        .check(status().is(200))),
                exec(http("inbox unread (line manager)").get("/api/notifications?unread=true&size=20").header("Authorization", bearer(lars))
                        .check(status().is(200))),
                exec(http("figures").get("/api/redeployment/figures").header("Authorization", bearer(bea)).check(status().is(200))))
                .doIf(session -> session.contains("caseId")).then(
                        exec(http("case").get("/api/redeployment/cases/#{caseId}").header("Authorization", bearer(hana)).check(status().is(200)),
                                http("case history").get("/api/redeployment/cases/#{caseId}/history").header("Authorization", bearer(hana))
                                        .check(status().is(200))));
    }

    /**
     * R-RED-1..4 as a workflow, one synthetic employee each: registered, guidance recorded, admitted, two offers
     * refused (by the case handler on the employee's behalf), placed ex officio on the third; and R-EVA-3, an
     * insufficient evaluation that opens a follow-up; then mobility: an exchange call, emma's application agreed by her line
     * manager (R-MOB-1..3), and the talent marketplace: emma's offer with her manager's consent, ezra's request and its
     * matches (R-MOB-8). Applications and talents come from demo users: only a person may apply or offer talents.
     */
    ScenarioBuilder workflows(List<String> employees) {
        Iterator<Map<String, Object>> feeder = employees.stream().map(id -> Map.<String, Object>of("employeeId", id)).iterator();
        return scenario("workflows").feed(feeder).exec(
                // the services' copies of master data arrive over Kafka: the first registration may come before them
                tryMax(30).on(exec(http("open case").post(RedeploymentFlow.CASES).header("Authorization", bearer(hana))
                        .body(StringBody(RedeploymentFlow.openCaseBody("#{employeeId}")))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("caseId")))
                        .exitHereIfFailed()),
                exec(http("guidance").post(RedeploymentFlow.guidancePath("#{caseId}")).header("Authorization", bearer(lars))
                        .body(StringBody(RedeploymentFlow.guidanceBody())).check(status().is(200))),
                exec(http("admissibility").post(RedeploymentFlow.admissibilityPath("#{caseId}")).header("Authorization", bearer(hana))
                        .body(StringBody(RedeploymentFlow.admissibilityBody())).check(status().is(200))),
                refusedOffer(RedeploymentFlow.OFFERS.get(0)),
                refusedOffer(RedeploymentFlow.OFFERS.get(1)),
                exec(http("offer placing ex officio").post(RedeploymentFlow.offersPath("#{caseId}")).header("Authorization", bearer(hana))
                        .body(StringBody(RedeploymentFlow.OFFERS.get(2).body()))
                        .check(status().is(201), jsonPath("$.status").is("PLACED"))),
                exec(http("evaluation").post("/api/evaluations").header("Authorization", bearer(lars))
                        .body(StringBody("{\"employeeId\":\"#{employeeId}\",\"periodFrom\":\"2025-09-01\",\"periodTo\":\"2026-08-31\","
                                + "\"evaluatedOn\":\"2026-08-31\",\"rating\":\"INSUFFICIENT\"}"))
                        .check(status().is(201))),
                mobility(),
                marketplace());
    }

    private ChainBuilder mobility() {
        return exec(http("call").post("/api/mobility/calls").header("Authorization", bearer(hana))
                        .body(StringBody("{\"programme\":\"EXCHANGE\",\"title\":\"Exchange (load)\",\"opensOn\":\"" + today.minusDays(1)
                                + "\",\"closesOn\":\"" + today.plusDays(30) + "\",\"eligibleLevels\":[\"A\",\"B\"]}"))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("callId")),
                http("application").post("/api/mobility/calls/#{callId}/applications").header("Authorization", bearer(emma))
                        .body(StringBody("{\"host\":\"Dutch Ministry of the Interior\",\"startsOn\":\"" + today.plusMonths(2)
                                + "\",\"endsOn\":\"" + today.plusMonths(3) + "\",\"travelCents\":1000,\"stayCents\":0}"))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("applicationId")),
                http("application agreed by line manager").post("/api/mobility/applications/#{applicationId}/line-manager-decision")
                        .header("Authorization", bearer(lars)).body(StringBody("{\"agreed\":true}")).check(status().is(200)));
    }

    private ChainBuilder marketplace() {
        String period = "\"sharePercent\":20,\"from\":\"" + today.plusDays(10) + "\",\"to\":\"" + today.plusDays(100) + "\"";
        return exec(http("talent offer").post("/api/mobility/talent-offers").header("Authorization", bearer(emma))
                        .body(StringBody("{\"skills\":[\"gis\",\"data-analysis\"]," + period + "}"))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("talentOfferId")),
                http("talent offer consent").post("/api/mobility/talent-offers/#{talentOfferId}/consent").header("Authorization", bearer(lars))
                        .body(StringBody("{\"given\":true}")).check(status().is(200)),
                http("talent request").post("/api/mobility/talent-requests").header("Authorization", bearer(ezra))
                        .body(StringBody("{\"skills\":[\"gis\"],\"title\":\"GIS project\"," + period + "}"))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("talentRequestId")),
                http("matches").get("/api/mobility/talent-requests/#{talentRequestId}/matches").header("Authorization", bearer(ezra))
                        .check(status().is(200)));
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private ChainBuilder refusedOffer(RedeploymentFlow.Offer offer) {
        return exec(http("offer").post(RedeploymentFlow.offersPath("#{caseId}")).header("Authorization", bearer(hana))
                        .body(StringBody(offer.body()))
                        .check(status().is(201), header("Location").transform(Workloads::lastSegment).saveAs("offerId")),
                http("refusal on behalf").post(RedeploymentFlow.refusalPath("#{caseId}", "#{offerId}")).header("Authorization", bearer(hana))
                        .body(StringBody(RedeploymentFlow.refusalBody())).check(status().is(200)));
    }

    /** How many synthetic employees a run of workflows at this rate needs. */
    static int employeesFor(double rate, int seconds) {
        return (int) Math.ceil(rate * seconds) + 10;
    }

    static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
