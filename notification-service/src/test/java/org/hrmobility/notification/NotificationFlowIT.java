package org.hrmobility.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.evaluation.DismissalMandated;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.redeployment.OfferDeadlineApproaching;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.OfferRefused;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.kit.deadletter.DeadLetterReplayer;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.EventCapture;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.notification.inbox.LiveStream;
import org.hrmobility.notification.routing.Recipient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Flux;

class NotificationFlowIT extends NotificationApiTest {

    @Autowired
    LiveStream live;

    private OfferMade offer(String employeeId, int number) {
        return new OfferMade(UUID.randomUUID().toString(), employeeId, people.managerId, people.entity, UUID.randomUUID().toString(),
                number, "Policy adviser", people.entity, "B2", null, LocalDate.of(2027, 1, 15), false);
    }

    /** Opens my live stream and returns its first notification, once the service serves the stream. */
    private CompletableFuture<Map<String, Object>> firstOnStream(String token) {
        int before = live.subscribers();
        Flux<ServerSentEvent<Map<String, Object>>> stream = web.mutate().responseTimeout(WAIT).build()
                .get().uri("/api/notifications/stream").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody();
        CompletableFuture<Map<String, Object>> first = stream.filter(e -> e.data() != null).map(ServerSentEvent::data).next().toFuture();
        await().atMost(WAIT).until(() -> live.subscribers() > before);
        return first;
    }

    @Test
    @DisplayName("the live stream catches up by itself when its listener lost the database session: a notification committed meanwhile (no NOTIFY reached it) still arrives")
    void liveStreamCatchesUpAfterTheListenerWasAway() throws Exception {
        CompletableFuture<Map<String, Object>> streamed = firstOnStream(people.emma);
        UUID missed = UUID.randomUUID();
        db.sql("""
                        begin; set local session_replication_role = replica;
                        insert into notification (id, event_id, recipient, ce_type, language, title, created_at)
                        values ('%s', gen_random_uuid(), '%s', 'hrm.redeployment.OfferMade.v1', 'nl', 'Missed while away', now());
                        commit""".formatted(missed, Recipient.personKey(people.emmaId)))
                .then().block();
        db.sql("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen hrm_notification' and pid <> pg_backend_pid()")
                .then().block();

        Map<String, Object> live = streamed.get(30, TimeUnit.SECONDS);
        assertThat(live.get("id")).isEqualTo(missed.toString());
        assertThat(live.get("title")).isEqualTo("Missed while away");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("R-RED-3/5: an offer made reaches the employee's inbox, live stream and mailbox, saying what to do by when")
    void offerReachesInboxStreamAndMailbox() throws Exception {
        CompletableFuture<Map<String, Object>> streamed = firstOnStream(people.emma);

        OfferMade offer = offer(people.emmaId, 1);
        publish(RedeploymentEvents.OFFER_MADE, offer.caseId(), offer);

        Map<String, Object> live = streamed.get(30, TimeUnit.SECONDS);
        assertThat(live.get("type")).isEqualTo(RedeploymentEvents.OFFER_MADE.ceType());
        assertThat(live.get("title")).isEqualTo("U krijgt een betrekking aangeboden: Policy adviser, " + people.entity + ", graad B2");
        List<Map<String, Object>> inbox = awaitInbox(people.emma, ofType(RedeploymentEvents.OFFER_MADE));
        assertThat(inbox).singleElement().satisfies(n -> {
            assertThat(n.get("id")).isEqualTo(live.get("id"));
            assertThat(n.get("expected")).asString().startsWith("Aanvaard of weiger dit aanbod uiterlijk op 15 januari 2027.");
            assertThat(n.get("dueOn")).isEqualTo("2027-01-15");
            assertThat(n.get("link")).isEqualTo("http://localhost:8080/console/cases/" + offer.caseId());
            assertThat(n.get("read")).isEqualTo(false);
        });
        List<MimeMessage> mail = await().atMost(WAIT).until(() -> TestMailServer.to(people.emmaId + "@example.org"), m -> !m.isEmpty());
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(subject(m)).isEqualTo(live.get("title"));
            assertThat(((String) m.getContent())).contains("15 januari 2027", "/console/cases/" + offer.caseId());
        });
        // the line manager is told too, without being asked to act
        assertThat(awaitInbox(people.lars, ofType(RedeploymentEvents.OFFER_MADE))).singleElement()
                .satisfies(n -> assertThat(n.get("expected")).isEqualTo("Er wordt niets van u verwacht."));
    }

    @Test
    @DisplayName("R-RED-4: the line manager and the case handlers are told of a refusal; marking it read keeps it, unread filter drops it")
    void lineManagerIsToldOfARefusal() {
        OfferRefused refused = new OfferRefused(UUID.randomUUID().toString(), people.emmaId, people.managerId, people.entity,
                UUID.randomUUID().toString(), 1, "too far", false);
        publish(RedeploymentEvents.OFFER_REFUSED, refused.caseId(), refused);

        Map<String, Object> n = awaitInbox(people.lars, ofType(RedeploymentEvents.OFFER_REFUSED)).get(0);
        assertThat(n.get("title")).asString().contains("weigerde een aanbod").contains("1 weigering");
        assertThat(awaitInbox(people.hana, ofType(RedeploymentEvents.OFFER_REFUSED))).hasSize(1);
        assertThat(inbox(people.emma, "")).noneMatch(ofType(RedeploymentEvents.OFFER_REFUSED));

        post(people.lars, "/" + n.get("id") + "/read", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.read").isEqualTo(true);
        assertThat(inbox(people.lars, "?unread=true")).noneMatch(ofType(RedeploymentEvents.OFFER_REFUSED));
        assertThat(inbox(people.lars, "")).anyMatch(ofType(RedeploymentEvents.OFFER_REFUSED));
    }

    @Test
    @DisplayName("R-EVA-4: a mandated dismissal reaches the case handlers of the entity, who are asked to start the procedure")
    void mandatedDismissalReachesCaseHandlers() {
        DismissalMandated mandated = new DismissalMandated(people.ezraId, people.managerId, people.entity, UUID.randomUUID().toString(), 2);
        publish(EvaluationEvents.DISMISSAL_MANDATED, people.ezraId, mandated);

        Map<String, Object> n = awaitInbox(people.hana, ofType(EvaluationEvents.DISMISSAL_MANDATED)).get(0);
        assertThat(n.get("title")).asString().contains("Name " + people.ezraId).contains("verplicht");
        assertThat(n.get("expected")).isEqualTo("Start de ontslagprocedure voor Name " + people.ezraId + ".");
        assertThat(n.get("link")).asString().endsWith("/console/evaluations/" + people.ezraId);
        assertThat(awaitInbox(people.lars, ofType(EvaluationEvents.DISMISSAL_MANDATED))).hasSize(1);
        assertThat(inbox(people.ezra, "")).noneMatch(ofType(EvaluationEvents.DISMISSAL_MANDATED));
    }

    @Test
    @DisplayName("Notifications: a redelivered event notifies nobody twice, in the inbox or by e-mail")
    void redeliveredEventNotifiesOnce() {
        OfferMade offer = offer(people.emmaId, 1);
        EventMetadata metadata = TestEvents.metadata(RedeploymentEvents.OFFER_MADE, offer.caseId());
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.REDEPLOYMENT_EVENTS, offer.caseId(), metadata, EventJson.write(offer));
            events.publish(Topics.REDEPLOYMENT_EVENTS, offer.caseId(), metadata, EventJson.write(offer));
        }
        awaitInbox(people.emma, ofType(RedeploymentEvents.OFFER_MADE));
        OfferMade next = offer(people.emmaId, 2);
        publish(RedeploymentEvents.OFFER_MADE, next.caseId(), next);   // a later event: once it is in, the repeat was handled

        await().atMost(WAIT).until(() -> inbox(people.emma, "").size() == 2);
        await().atMost(WAIT).until(() -> TestMailServer.to(people.emmaId + "@example.org").size() == 2);
        assertThat(inbox(people.emma, "")).extracting(n -> n.get("link").toString())
                .containsExactlyInAnyOrder("http://localhost:8080/console/cases/" + offer.caseId(),
                        "http://localhost:8080/console/cases/" + next.caseId());
        assertThat(TestMailServer.to(people.emmaId + "@example.org")).hasSize(2);
    }

    @Test
    @DisplayName("Notifications: an unreadable event goes to the dead-letter topic alone; the events polled with it notify once each")
    void unreadableEventIsDeadLetteredAlone() {
        OfferMade first = offer(people.emmaId, 1);
        OfferMade second = offer(people.emmaId, 2);
        String key = first.caseId();   // one key, one partition: the three arrive in order, mostly in one poll
        EventMetadata broken = TestEvents.metadata(RedeploymentEvents.OFFER_MADE, key);
        String deadLetters = Topics.deadLetter(Topics.REDEPLOYMENT_EVENTS, "notification");
        try (EventCapture dlq = EventCapture.fromNow(bootstrap, deadLetters);
             TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.REDEPLOYMENT_EVENTS, key, TestEvents.metadata(RedeploymentEvents.OFFER_MADE, key), EventJson.write(first));
            events.publish(Topics.REDEPLOYMENT_EVENTS, key, broken, "not json".getBytes(StandardCharsets.UTF_8));
            events.publish(Topics.REDEPLOYMENT_EVENTS, key, TestEvents.metadata(RedeploymentEvents.OFFER_MADE, key), EventJson.write(second));

            await().atMost(WAIT).until(() -> inbox(people.emma, "").size() == 2);
            ConsumerRecord<String, byte[]> dead = dlq.await(1, r -> key.equals(r.key()), WAIT).get(0);
            assertThat(EventCapture.header(dead, "ce_id")).isEqualTo(broken.id().toString());
            assertThat(EventCapture.header(dead, "x-exception-message")).contains("not a JSON object");
        }
        assertThat(inbox(people.emma, "")).extracting(n -> n.get("link").toString())
                .containsExactlyInAnyOrder("http://localhost:8080/console/cases/" + first.caseId(),
                        "http://localhost:8080/console/cases/" + second.caseId());

        // a replay hands the record to the same batch consumer, which still cannot read it: it waits again
        DeadLetterReplayer.Replay replay = web.post().uri("/actuator/deadletters/" + deadLetters)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forClient("ops", Role.OPERATOR))).exchange()
                .expectStatus().isOk().expectBody(DeadLetterReplayer.Replay.class).returnResult().getResponseBody();
        assertThat(replay.replayed()).isZero();
        assertThat(replay.failedAgain()).isEqualTo(1);
        try (EventCapture again = EventCapture.fromBeginning(bootstrap, deadLetters)) {
            assertThat(EventCapture.header(again.await(2, r -> key.equals(r.key()), WAIT).get(1), "hrm_replay-exception-message"))
                    .contains("not a JSON object");
        }
    }

    @Test
    @DisplayName("Notifications: an employee never receives another employee's notification, in the inbox, the stream or by id")
    void employeesSeeOnlyTheirOwn() throws Exception {
        CompletableFuture<Map<String, Object>> emmasStream = firstOnStream(people.emma);

        OfferMade toEzra = offer(people.ezraId, 1);
        publish(RedeploymentEvents.OFFER_MADE, toEzra.caseId(), toEzra);
        Map<String, Object> ezras = awaitInbox(people.ezra, ofType(RedeploymentEvents.OFFER_MADE)).get(0);
        OfferMade toEmma = offer(people.emmaId, 1);
        publish(RedeploymentEvents.OFFER_MADE, toEmma.caseId(), toEmma);

        assertThat(emmasStream.get(30, TimeUnit.SECONDS).get("link")).asString().endsWith(toEmma.caseId());
        assertThat(awaitInbox(people.emma, ofType(RedeploymentEvents.OFFER_MADE)))
                .allSatisfy(n -> assertThat(n.get("aboutEmployee")).isEqualTo(people.emmaId));
        post(people.emma, "/" + ezras.get("id") + "/read", Map.of()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(inbox(people.ezra, "?unread=true")).anyMatch(n -> n.get("id").equals(ezras.get("id")));
        // a manager of other people's reports hears nothing of them
        assertThat(inbox(people.otherManager, "")).isEmpty();
    }

    @Test
    @DisplayName("Notifications: after a change of line manager, only the new manager is told; the previous one may no longer see the case")
    void previousManagerIsNotTold() {
        String newManager = "NM-" + people.entity;
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.EMPLOYEES, people.ezraId, EmployeeEvents.EMPLOYEE_UPSERTED, new EmployeeUpserted(people.ezraId,
                    "Name " + people.ezraId, people.ezraId + "@example.org", people.entity, "C2", ContractType.CONTRACTUAL, newManager,
                    null, List.of(), "en"));
        }
        await().atMost(WAIT).until(() -> newManager.equals(db.sql("select line_manager_id from hrm_kit.employee where employee_id = :id")
                .bind("id", people.ezraId).map(r -> r.get(0, String.class)).one().block()));

        // the producer still saw lars as the manager
        OfferRefused refused = new OfferRefused(UUID.randomUUID().toString(), people.ezraId, people.managerId, people.entity,
                UUID.randomUUID().toString(), 1, "no", false);
        publish(RedeploymentEvents.OFFER_REFUSED, refused.caseId(), refused);

        String newManagerToken = TestTokens.forEmployee(newManager, people.entity, org.hrmobility.kit.security.Role.LINE_MANAGER);
        Map<String, Object> told = awaitInbox(newManagerToken, ofType(RedeploymentEvents.OFFER_REFUSED)).get(0);
        assertThat(told.get("title")).asString().startsWith("Name " + people.ezraId + " weigerde");
        assertThat(inbox(people.lars, "")).noneMatch(ofType(RedeploymentEvents.OFFER_REFUSED));
    }

    @Test
    @DisplayName("R-RED-5: a deadline event becomes a reminder to the employee, in the language of their master data")
    void deadlineBecomesReminder() {
        OfferDeadlineApproaching soon = new OfferDeadlineApproaching(UUID.randomUUID().toString(), people.emmaId, people.managerId,
                people.entity, UUID.randomUUID().toString(), LocalDate.of(2027, 2, 1));
        put(people.emma, "/preferences", Map.of("email", "IMMEDIATE", "language", "en")).expectStatus().isOk();

        publish(RedeploymentEvents.OFFER_DEADLINE_APPROACHING, soon.caseId(), soon);

        Map<String, Object> reminder = awaitInbox(people.emma, ofType(RedeploymentEvents.OFFER_DEADLINE_APPROACHING)).get(0);
        assertThat(reminder.get("title")).isEqualTo("Reminder: your offer awaits your answer");
        assertThat(reminder.get("expected")).isEqualTo("Answer by 1 February 2027; an offer left unanswered counts as a refusal.");
        assertThat(reminder.get("dueOn")).isEqualTo("2027-02-01");
        assertThat(inbox(people.lars, "")).noneMatch(ofType(RedeploymentEvents.OFFER_DEADLINE_APPROACHING));
    }

    @Test
    @DisplayName("Notifications: with a daily digest chosen, e-mails wait for the digest hour and come as one; with e-mail off, none come")
    void dailyDigestAndEmailOff() {
        put(people.emma, "/preferences", Map.of("email", "DAILY_DIGEST")).expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("DAILY_DIGEST");
        put(people.lars, "/preferences", Map.of("email", "OFF")).expectStatus().isOk();
        OfferMade first = offer(people.emmaId, 1);
        OfferMade second = offer(people.emmaId, 2);
        publish(RedeploymentEvents.OFFER_MADE, first.caseId(), first);
        publish(RedeploymentEvents.OFFER_MADE, second.caseId(), second);
        await().atMost(WAIT).until(() -> inbox(people.emma, "").size() == 2 && inbox(people.lars, "").size() == 2);
        String emma = people.emmaId + "@example.org";
        assertThat(TestMailServer.to(emma)).isEmpty();

        // the next 07:00 in Brussels comes
        ZonedDateTime now = clock.instant().atZone(CalendarDays.ZONE);
        ZonedDateTime seven = now.toLocalDate().atTime(7, 0).atZone(CalendarDays.ZONE);
        clock.advance(Duration.between(now, seven.isAfter(now) ? seven : seven.plusDays(1)).plusMinutes(1));

        List<MimeMessage> digest = await().atMost(WAIT).until(() -> TestMailServer.to(emma), m -> !m.isEmpty());
        assertThat(digest).singleElement().satisfies(m -> {
            assertThat(subject(m)).startsWith("Uw HR-meldingen van ").endsWith(": 2 meldingen");
            assertThat((String) m.getContent()).contains("/console/cases/" + first.caseId(),
                    "/console/cases/" + second.caseId());
        });
        assertThat(TestMailServer.to(people.managerId + "@example.org")).isEmpty();
        get(people.emma, "/preferences").expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("DAILY_DIGEST");
    }

    @Test
    @DisplayName("Notifications API: bad preferences answer 400 problem+json; machines have no preferences (403); no token, 401")
    void refusals() {
        put(people.emma, "/preferences", Map.of("email", "SOMETIMES")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(people.emma, "/preferences", Map.of("email", "OFF", "language", "fr")).expectStatus().isBadRequest();
        get(people.jobpunt, "/preferences").expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").value(type -> assertThat(type).asString().endsWith("/preferences-for-people"));
        web.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        post(people.emma, "/" + UUID.randomUUID() + "/read", Map.of()).expectStatus().isNotFound();
        get(people.emma, "?size=0").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String token, String path, Object body) {
        return web.put().uri(api() + path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).bodyValue(body).exchange();
    }
}
