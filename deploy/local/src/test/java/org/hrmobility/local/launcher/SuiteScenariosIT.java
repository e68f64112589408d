package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The end-to-end scenarios: the whole suite as {@code ./run-local} starts it (on free ports), used only through
 * the gateway, with tokens from the identity provider, by the demo users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteScenariosIT {

    /** The suite decides dates in Brussels: "today" here is its today, not the test machine's. */
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static LocalSuite suite;
    private static SuiteClient api;

    @BeforeAll
    static void start() {
        suite = LocalSuite.start(SuiteOptions.parse(new String[0], System::getenv).withFreePorts());
        api = SuiteClient.throughGateway(suite);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /** Retries a command until the services' copies of master data have arrived (they come over Kafka). */
    private static SuiteClient.Answer once(int expected, Supplier<SuiteClient.Answer> command) {
        SuiteClient.Answer[] last = new SuiteClient.Answer[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> (last[0] = command.get()).status() == expected);
        return last[0];
    }

    private static Set<String> inboxTypes(String user) {
        JsonNode items = api.get(api.user(user), "/api/notifications?size=200").json().get("items");
        return StreamSupport.stream(items.spliterator(), false).map(n -> n.get("type").asString()
                .replace("hrm.redeployment.", "").replace("hrm.evaluation.", "").replace("hrm.mobility.", "").replace(".v1", ""))
                .collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    @DisplayName("R-RED-1..6 end to end: registered (the request's correlation id is the trace its events carry on Kafka), admitted, two refusals, placed ex officio on the third offer into jobpunt's vacancy; lars and emma told at each step; jobpunt told by a signed webhook")
    void redeployment() throws Exception {
        String hana = api.user("hana");
        String lars = api.user("lars");
        String emma = api.user("emma");
        String jobpunt = api.jobpunt();
        try (Receiver receiver = new Receiver()) {
            JsonNode subscription = api.post(jobpunt, "/api/notifications/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"eventTypes\":[\"hrm.redeployment.VacancyFilled.v1\"]}").json();
            String secret = subscription.get("secret").asString();

            SuiteClient.Answer opened = once(201, () -> api.post(hana, "/api/redeployment/cases", "{\"employeeId\":\"E-0003\"}"));
            String caseId = opened.createdId();
            assertThat(traceparentOfFirstEvent(caseId)).contains("-" + opened.header("X-Correlation-Id") + "-");
            String cases = "/api/redeployment/cases/" + caseId;
            assertThat(api.post(lars, cases + "/guidance-trajectory",
                    "{\"from\":\"2026-03-01\",\"to\":\"2026-09-30\",\"actions\":[\"coaching\",\"training\"]}").status()).isEqualTo(200);
            assertThat(api.post(hana, cases + "/admissibility", "{\"redeployable\":true,\"motivation\":\"broad profile\"}").status())
                    .isEqualTo(200);
            assertThat(api.post(hana, cases + "/offers", "{\"title\":\"Head of unit\",\"entity\":\"DEPT-WSE\",\"grade\":\"A1\"}").json()
                    .get("rule").asString()).isEqualTo("R-RED-3");
            for (String grade : List.of("B2", "B1")) {
                String offer = api.post(hana, cases + "/offers", "{\"title\":\"Adviser\",\"entity\":\"DEPT-WSE\",\"grade\":\"" + grade + "\"}")
                        .createdId();
                assertThat(api.post(emma, cases + "/offers/" + offer + "/refusal", "{\"reason\":\"not for me\"}").status()).isEqualTo(200);
            }

            assertThat(api.post(jobpunt, "/api/redeployment/vacancies", "{\"vacancyId\":\"JP-E2E-1\",\"title\":\"Analyst\","
                    + "\"entity\":\"DEPT-WSE\",\"grade\":\"B1\",\"jobFamily\":\"policy-advice\"}").status()).isEqualTo(201);
            assertThat(api.get(jobpunt, "/api/redeployment/vacancies/JP-E2E-1/candidates").body()).contains("E-0003");
            JsonNode placed = api.post(hana, cases + "/offers", "{\"vacancyId\":\"JP-E2E-1\"}").json();
            assertThat(placed.get("status").asString()).isEqualTo("PLACED");
            assertThat(api.get(jobpunt, "/api/redeployment/vacancies/JP-E2E-1").json().get("status").asString()).isEqualTo("FILLED");

            await().atMost(WAIT).untilAsserted(() -> assertThat(inboxTypes("emma"))
                    .contains("CaseOpened", "AdmissibilityDecided", "OfferMade", "EmployeePlaced"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(inboxTypes("lars"))
                    .contains("CaseOpened", "AdmissibilityDecided", "OfferMade", "OfferRefused", "EmployeePlaced"));
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            Receiver.Delivery delivery = receiver.received().get(0);
            assertThat(delivery.body()).contains("\"vacancyId\":\"JP-E2E-1\"", "hrm.redeployment.VacancyFilled.v1");
            assertThat(delivery.signature()).isEqualTo(sign(secret, delivery.id(), delivery.timestamp(), delivery.body()));
        }
    }

    @Test
    @Order(2)
    @DisplayName("R-EVA-3/4 end to end: an insufficient rating, a too-early re-evaluation refused, a second insufficient within four: dismissal mandated, case handlers told")
    void evaluation() {
        String lars = api.user("lars");
        String evaluations = "/api/evaluations";
        // R-EVA-7: evaluations are held by today, so the follow-up is played in the past, six months apart (R-EVA-3)
        once(201, () -> api.post(lars, evaluations, evaluation("2024-09-01", "2025-08-31", "INSUFFICIENT")));
        SuiteClient.Answer early = api.post(lars, evaluations, evaluation("2025-09-01", "2026-02-27", "GOOD"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("rule").asString()).isEqualTo("R-EVA-3");
        SuiteClient.Answer postDated = api.post(lars, evaluations, evaluation("2025-09-01", LocalDate.now(BRUSSELS).plusDays(2).toString(), "GOOD"));
        assertThat(postDated.json().get("rule").asString()).isEqualTo("R-EVA-7");
        assertThat(api.post(lars, evaluations, evaluation("2025-09-01", "2026-03-31", "SUFFICIENT")).status()).isEqualTo(201);
        assertThat(api.post(lars, evaluations, evaluation("2026-04-01", "2026-09-30", "INSUFFICIENT")).status()).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> assertThat(inboxTypes("hana")).contains("DismissalMandated"));
        assertThat(inboxTypes("ezra")).contains("FollowUpOpened").doesNotContain("DismissalMandated");
    }

    private static String evaluation(String from, String to, String rating) {
        return "{\"employeeId\":\"E-0004\",\"periodFrom\":\"" + from + "\",\"periodTo\":\"" + to + "\",\"evaluatedOn\":\"" + to
                + "\",\"rating\":\"" + rating + "\"}";
    }

    @Test
    @Order(3)
    @DisplayName("R-MOB-1/3/5/8 end to end: a call, an application approved by lars then the host with half the costs co-funded; a talent offer matched to a request")
    void mobility() {
        String hana = api.user("hana");
        String lars = api.user("lars");
        String emma = api.user("emma");
        String ezra = api.user("ezra");
        LocalDate today = LocalDate.now(BRUSSELS);
        LocalDate start = today.plusMonths(2);
        LocalDate end = start.plusMonths(6).minusDays(1);
        String call = api.post(hana, "/api/mobility/calls", "{\"programme\":\"EXCHANGE\",\"title\":\"Exchange with the Netherlands\","
                + "\"opensOn\":\"" + today + "\",\"closesOn\":\"" + today + "\",\"eligibleLevels\":[\"A\",\"B\",\"C\",\"D\"]}").createdId();
        String application = once(201, () -> api.post(emma, "/api/mobility/calls/" + call + "/applications",
                "{\"host\":\"Dutch Ministry of the Interior\",\"startsOn\":\"" + start + "\",\"endsOn\":\"" + end
                        + "\",\"travelCents\":150001,\"stayCents\":0}")).createdId();
        assertThat(api.post(lars, "/api/mobility/applications/" + application + "/line-manager-decision", "{\"agreed\":true}").status())
                .isEqualTo(200);
        JsonNode approved = api.post(hana, "/api/mobility/applications/" + application + "/host-decision", "{\"agreed\":true}").json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("centralShareCents").asLong()).isEqualTo(75001L);

        String offer = api.post(emma, "/api/mobility/talent-offers", "{\"skills\":[\"GIS\",\"data-analysis\"],\"sharePercent\":20,"
                + "\"from\":\"" + start + "\",\"to\":\"" + end + "\"}").createdId();
        assertThat(api.post(lars, "/api/mobility/talent-offers/" + offer + "/consent", "{\"given\":true}").status()).isEqualTo(200);
        String request = api.post(ezra, "/api/mobility/talent-requests", "{\"title\":\"Open data map\",\"skills\":[\"gis\"],"
                + "\"sharePercent\":20,\"from\":\"" + start + "\",\"to\":\"" + end + "\"}").createdId();
        assertThat(api.get(ezra, "/api/mobility/talent-requests/" + request + "/matches").body()).contains(offer);
        await().atMost(WAIT).untilAsserted(() -> assertThat(inboxTypes("emma")).contains("ApplicationApproved"));
    }

    @Test
    @Order(4)
    @DisplayName("Access end to end: emma cannot read ezra's case, evaluations or notifications (404); lars cannot act for another manager's report; no token 401; wrong role 403")
    void access() {
        String hana = api.user("hana");
        String emma = api.user("emma");
        String lars = api.user("lars");
        String ezrasCase = once(201, () -> api.post(hana, "/api/redeployment/cases", "{\"employeeId\":\"E-0004\"}")).createdId();
        assertThat(api.get(emma, "/api/redeployment/cases/" + ezrasCase).status()).isEqualTo(404);
        assertThat(api.get(emma, "/api/evaluations/follow-ups/E-0004").status()).isEqualTo(404);
        await().atMost(WAIT).until(() -> api.get(api.user("ezra"), "/api/notifications").json().get("total").asInt() > 0);
        String ezrasNotification = api.get(api.user("ezra"), "/api/notifications").json().get("items").get(0).get("id").asString();
        assertThat(api.post(emma, "/api/notifications/" + ezrasNotification + "/read", "{}").status()).isEqualTo(404);

        // E-0009 reports to E-0007, not to lars
        String wimsCase = once(201, () -> api.post(hana, "/api/redeployment/cases", "{\"employeeId\":\"E-0009\"}")).createdId();
        assertThat(api.post(lars, "/api/redeployment/cases/" + wimsCase + "/guidance-trajectory",
                "{\"from\":\"2026-03-01\",\"to\":\"2026-09-30\",\"actions\":[\"coaching\"]}").status()).isEqualTo(404);

        SuiteClient.Answer anonymous = api.get(null, "/api/redeployment/cases");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(api.post(emma, "/api/redeployment/vacancies", "{\"vacancyId\":\"X\"}").status()).isEqualTo(403);
        assertThat(api.get(emma, "/api/mobility/figures").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    @DisplayName("Resilience end to end: with the notification service stopped its routes answer 503 problem+json at once while the others work; started again, it serves and processes the events it missed")
    void resilience() throws Exception {
        String hana = api.user("hana");
        String lars = api.user("lars");
        suite.stop("notification-service");

        long started = System.nanoTime();
        SuiteClient.Answer down = api.get(lars, "/api/notifications");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(down.json().get("service").asString()).isEqualTo("notification");
        assertThat(api.get(hana, "/api/redeployment/cases").status()).isEqualTo(200);
        // E-0011 reports to lars: he is told of the case, once the notification service is back
        String missed = once(201, () -> api.post(hana, "/api/redeployment/cases", "{\"employeeId\":\"E-0011\"}")).createdId();

        suite.restart("notification-service");

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get(lars, "/api/notifications?size=200").body()).contains(missed));
    }

    /** The trace the case's first event carries on Kafka: the request's, started at the gateway. */
    private static String traceparentOfFirstEvent(String caseId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.devstack().orElseThrow().endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "scenario-" + caseId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("hrm.redeployment.events"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header traceparent = record.headers().lastHeader("traceparent");
                    if (caseId.equals(record.key()) && traceparent != null) {
                        return new String(traceparent.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            throw new AssertionError("no event of case " + caseId + " on hrm.redeployment.events");
        }
    }

    private static String sign(String secret, String id, String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** jobpunt's webhook endpoint. */
    private static final class Receiver implements AutoCloseable {

        record Delivery(String id, String timestamp, String signature, String body) {
        }

        private final HttpServer server;
        private final List<Delivery> received = Collections.synchronizedList(new ArrayList<>());

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                var headers = exchange.getRequestHeaders();
                received.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                        headers.getFirst("webhook-signature"), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/hook";
        }

        List<Delivery> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
