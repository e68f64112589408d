package org.hrmobility.chaos;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The requests of each workload's steps, through the gateway, as the README's tours make them: hana (case handler)
 * opens cases, decides admissibility, makes offers and records refusals and hosts' answers; lars (line manager of every
 * employee of the run, and of emma and ezra) records guidance, evaluations and guidance actions, agrees to applications
 * and consents to talent offers; emma and ezra apply and offer their talents themselves (only demo users can log in).
 */
final class Scenario {

    /** The state a flow carries from one step to the next. */
    static final class Flow {
        final String id;
        final Workload workload;
        final String key;
        final String employeeId;
        /** The demo user who acts as the employee (applications, talent offers); null for the run's own employees. */
        final String employeeUser;
        volatile String aggregateId;
        volatile String offerId;

        Flow(String id, Workload workload, String key, String employeeId, String employeeUser) {
            this.id = id;
            this.workload = workload;
            this.key = key;
            this.employeeId = employeeId;
            this.employeeUser = employeeUser;
        }
    }

    static final String HANA = "hana";
    static final String LARS = "lars";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String gateway;
    private final Tokens tokens;
    private final LocalDate today;
    private final Supplier<String> callId;

    Scenario(String gateway, Tokens tokens, LocalDate today, Supplier<String> callId) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.today = today;
        this.callId = callId;
    }

    /** The request of this step of the flow. */
    HttpRequest request(Flow flow, int step) {
        return switch (flow.workload) {
            case REDEPLOYMENT -> redeployment(flow, step);
            case EVALUATION -> evaluation(flow, step);
            case APPLICATION -> application(flow, step);
            case TALENT_OFFER -> talentOffer(flow, step);
        };
    }

    /** Remembers what a step created (its Location's last segment) for the next steps. */
    void created(Flow flow, int step, String id) {
        if (id == null) {
            return;
        }
        if (step == 0) {
            flow.aggregateId = id;
        } else if (flow.workload == Workload.REDEPLOYMENT && (step == 3 || step == 5)) {
            flow.offerId = id;
        }
    }

    private HttpRequest redeployment(Flow flow, int step) {
        String cases = "/api/redeployment/cases";
        String c = cases + "/" + flow.aggregateId;
        return switch (step) {
            case 0 -> post(HANA, cases, "{\"employeeId\":\"" + flow.employeeId + "\"}");
            case 1 -> post(LARS, c + "/guidance-trajectory", "{\"from\":\"" + today.minusDays(270) + "\",\"to\":\"" + today.minusDays(30)
                    + "\",\"actions\":[\"coaching\"]}");
            case 2 -> post(HANA, c + "/admissibility", "{\"redeployable\":true,\"motivation\":\"chaos run\"}");
            case 3 -> post(HANA, c + "/offers", offer("Adviser", "B2"));
            case 5 -> post(HANA, c + "/offers", offer("Adviser", "B1"));
            case 7 -> post(HANA, c + "/offers", offer("Analyst", "B1"));
            case 4, 6 -> post(HANA, c + "/offers/" + flow.offerId + "/refusal", "{\"reason\":\"declined by phone\"}");
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    private static String offer(String title, String grade) {
        return "{\"title\":\"" + title + "\",\"entity\":\"" + ExpectedRecipients.ENTITY + "\",\"grade\":\"" + grade + "\"}";
    }

    private HttpRequest evaluation(Flow flow, int step) {
        return switch (step) {
            case 0 -> post(LARS, "/api/evaluations", evaluationBody(flow.employeeId, today.minusDays(425), today.minusDays(61),
                    today.minusDays(60), "GOOD"));
            case 1 -> post(LARS, "/api/evaluations", evaluationBody(flow.employeeId, today.minusDays(59), today.minusDays(2),
                    today.minusDays(1), "INSUFFICIENT"));
            case 2 -> post(LARS, "/api/evaluations/follow-ups/" + flow.employeeId + "/guidance-actions",
                    "{\"action\":\"performance talk every month\"}");
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    private static String evaluationBody(String employee, LocalDate from, LocalDate to, LocalDate on, String rating) {
        return "{\"employeeId\":\"" + employee + "\",\"periodFrom\":\"" + from + "\",\"periodTo\":\"" + to + "\",\"evaluatedOn\":\""
                + on + "\",\"rating\":\"" + rating + "\"}";
    }

    private HttpRequest application(Flow flow, int step) {
        LocalDate starts = today.plusMonths(2);
        return switch (step) {
            case 0 -> post(flow.employeeUser, "/api/mobility/calls/" + callId.get() + "/applications", "{\"host\":\"" + flow.key
                    + "\",\"startsOn\":\"" + starts + "\",\"endsOn\":\"" + starts.plusMonths(6).minusDays(1)
                    + "\",\"travelCents\":150001,\"stayCents\":0}");
            case 1 -> post(LARS, "/api/mobility/applications/" + flow.aggregateId + "/line-manager-decision", "{\"agreed\":true}");
            case 2 -> post(HANA, "/api/mobility/applications/" + flow.aggregateId + "/host-decision", "{\"agreed\":true}");
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    private HttpRequest talentOffer(Flow flow, int step) {
        LocalDate from = today.plusMonths(1);
        return switch (step) {
            case 0 -> post(flow.employeeUser, "/api/mobility/talent-offers", "{\"skills\":[\"" + flow.key + "\",\"data-analysis\"],"
                    + "\"sharePercent\":20,\"from\":\"" + from + "\",\"to\":\"" + from.plusMonths(6) + "\"}");
            case 1 -> post(LARS, "/api/mobility/talent-offers/" + flow.aggregateId + "/consent", "{\"given\":true}");
            default -> throw new IllegalArgumentException("no step " + step);
        };
    }

    /** hana opens the exchange call every application of the run goes to: its window open for a month from today. */
    HttpRequest openCall() {
        return post(HANA, "/api/mobility/calls", "{\"programme\":\"EXCHANGE\",\"title\":\"Chaos run exchange\",\"opensOn\":\"" + today
                + "\",\"closesOn\":\"" + today.plusMonths(1) + "\",\"eligibleLevels\":[\"A\",\"B\",\"C\",\"D\"]}");
    }

    private HttpRequest post(String user, String path, String json) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Authorization", tokens.bearer(user))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
