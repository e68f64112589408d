package org.hrmobility.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Deque;

import org.hrmobility.notification.NotificationSettings;

/** What the webhook tests share: settings as the service binds them, and a resolver whose answers are scripted. */
final class Fixtures {

    private Fixtures() {
    }

    static NotificationSettings settings(boolean allowPrivate) {
        return allowing(allowPrivate);
    }

    /** Settings with these allowed hosts. */
    static NotificationSettings allowing(boolean allowPrivate, String... allowedHosts) {
        NotificationSettings.Webhooks webhooks = new NotificationSettings.Webhooks(allowPrivate, 8, Duration.ofSeconds(2), 2.0,
                Duration.ofMinutes(10), 3, Duration.ofSeconds(5), 64, new NotificationSettings.Breaker(10, 5, 50, Duration.ofSeconds(30)),
                List.of(allowedHosts), Duration.ofDays(90), Duration.ofHours(24), "");
        return new NotificationSettings("http://localhost:8080", null, webhooks);
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /**
     * A DNS whose answers a test writes: each name answers its scripted answers in turn, the last one from then on, as
     * a rebinding name does (a public address while the subscription is checked, an internal one when it is used).
     * Names without a script are unknown. Every question is kept.
     */
    static final class ScriptedResolver implements HostResolver {

        private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();
        private final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        /** This name answers these answers in turn, each answer being one or more address literals (comma-separated). */
        ScriptedResolver answer(String host, String... answersInTurn) {
            Deque<List<InetAddress>> script = new ConcurrentLinkedDeque<>();
            for (String answer : answersInTurn) {
                script.add(Arrays.stream(answer.split(",")).map(String::trim).map(Fixtures::ip).toList());
            }
            answers.put(host, script);
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            Deque<List<InetAddress>> script = answers.get(host);
            if (script == null || script.isEmpty()) {
                throw new UnknownHostException(host);
            }
            synchronized (script) {
                return script.size() > 1 ? script.poll() : script.peek();
            }
        }

        /** How often this name was asked. */
        long asked(String host) {
            synchronized (asked) {
                return asked.stream().filter(host::equals).count();
            }
        }
    }
}
