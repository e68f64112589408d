package org.hrmobility.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.test.ServiceApiTest;
import org.hrmobility.kit.test.TestEvents;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The notification service's API tests: the service on the real broker, database and SMTP server; events arrive
 * the way the domain services' relays put them on their topics.
 */
public abstract class NotificationApiTest extends ServiceApiTest {

    static {
        TestMailServer.start();
    }

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected String api() {
        return "/api/notifications";
    }

    protected <T> EventMetadata publish(EventType<T> type, String key, T payload) {
        try (TestEvents events = new TestEvents(bootstrap)) {
            return events.publish(type.topic(), key, type, payload);
        }
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> inbox(String token, String query) {
        Map<String, Object> page = get(token, query).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    /** Waits until the inbox holds a notification that matches, and returns the inbox. */
    protected List<Map<String, Object>> awaitInbox(String token, Predicate<Map<String, Object>> match) {
        return await().atMost(WAIT).until(() -> inbox(token, "?size=100"), items -> items.stream().anyMatch(match));
    }

    protected static Predicate<Map<String, Object>> ofType(EventType<?> type) {
        return n -> type.ceType().equals(n.get("type"));
    }

    protected static Predicate<Map<String, Object>> about(EventType<?> type, String employeeId) {
        return ofType(type).and(n -> employeeId.equals(n.get("aboutEmployee")));
    }
}
