package org.hrmobility.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends due deliveries, each endpoint behind its own circuit breaker: a dead endpoint stops being called after a
 * few failures (its deliveries wait, not spending attempts), while the others keep flowing. Sends run
 * asynchronously, at most {@code max-in-flight} at once, so a slow endpoint holds no one else up. A failed
 * attempt is retried with exponential backoff; a delivery out of attempts is given up, and a subscription whose
 * deliveries keep being given up is paused and its owner told ({@link SubscriptionPauses}).
 * <p>
 * Before each delivery: the subscription must be active and not expired (subscriptions whose lifetime ran out are
 * expired here, and their owners told), the event must still be its owner's to receive ({@link WebhookAccess}), and
 * the endpoint is checked again and its name resolved now ({@link Endpoints#target}); the request goes to exactly
 * the address checked ({@link WebhookSender}). The delivery log says only the HTTP status of an answer (and how
 * long it took), or {@code failed} when there was none, with no duration: never why (refused, timed out, unknown,
 * internal), so it cannot be used to map the network. The service's own log has the reason.
 */
@Component
class WebhookDispatcher {

    static final String FAILED = "failed";
    private static final long EXPIRY_CHECK_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private record Outcome(Integer status, Throwable error) {

        boolean ok() {
            return status != null && status >= 200 && status < 300;
        }

        /** What the delivery log says: the status of an answer, or only that it failed. */
        String logged() {
            return ok() ? null : status != null ? "HTTP " + status : FAILED;
        }
    }

    private final WebhookRepository webhooks;
    private final CircuitBreakerRegistry breakers;
    private final SubscriptionPauses pauses;
    private final TransactionalOperator transactional;
    private final Clock clock;
    private final NotificationSettings.Webhooks settings;
    private final IntervalFunction backoff;
    private final Semaphore inFlight;
    private final Endpoints endpoints;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    /** On the monotonic clock, so a wall clock set back does not stop the checks. */
    private volatile long lastExpiryCheck = System.nanoTime() - EXPIRY_CHECK_NANOS;

    WebhookDispatcher(WebhookRepository webhooks, CircuitBreakerRegistry breakers, SubscriptionPauses pauses,
                      TransactionalOperator transactional, Clock clock, NotificationSettings settings, Endpoints endpoints,
                      WebhookSender sender, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.pauses = pauses;
        this.transactional = transactional;
        this.clock = clock;
        this.settings = settings.webhooks();
        this.backoff = IntervalFunction.ofExponentialBackoff(this.settings.backoffInitial(), this.settings.backoffMultiplier(),
                this.settings.backoffMax());
        this.inFlight = new Semaphore(this.settings.maxInFlight());
        this.endpoints = endpoints;
        this.sender = sender;
        this.secrets = secrets;
    }

    @Scheduled(fixedDelayString = "${hrm.notification.webhooks.poll:PT0.25S}", initialDelayString = "PT2S")
    void dispatch() {
        Instant now = clock.instant();
        if (System.nanoTime() - lastExpiryCheck >= EXPIRY_CHECK_NANOS) {
            lastExpiryCheck = System.nanoTime();
            expire(now).block(Duration.ofSeconds(30));
        }
        int free = inFlight.availablePermits();
        if (free == 0) {
            return;
        }
        List<WebhookRepository.Due> due = webhooks.claimDue(now, now.plus(settings.timeout().multipliedBy(3)), free)
                .collectList().block(Duration.ofSeconds(30));
        // on this scheduler thread, not on the database driver's event loop
        due.forEach(this::attempt);
    }

    /** Expires the subscriptions whose lifetime ran out and tells their owners; how many expired. */
    Mono<Long> expire(Instant now) {
        return webhooks.expire(now).concatMap(expired -> pauses.expired(expired, now).thenReturn(expired)).count();
    }

    private void attempt(WebhookRepository.Due due) {
        if (!stillTheirs(due)) {
            log.warn("Webhook delivery {} of subscription {} withheld: event {} is no longer its owner's to receive",
                    due.id(), due.subscriptionId(), due.eventId());
            webhooks.withhold(due.id()).block(Duration.ofSeconds(10));
            return;
        }
        CircuitBreaker breaker = breakers.circuitBreaker(due.subscriptionId().toString());
        if (!breaker.tryAcquirePermission()) {
            webhooks.postpone(due.id(), clock.instant().plus(settings.breaker().openFor())).block(Duration.ofSeconds(10));
            return;
        }
        inFlight.acquireUninterruptibly();
        long started = System.nanoTime();
        Mono.defer(() -> send(due))
                .timeout(settings.timeout())
                .map(status -> new Outcome(status, null))
                .onErrorResume(error -> Mono.just(new Outcome(null, error)))
                .flatMap(outcome -> record(due, breaker, outcome, System.nanoTime() - started))
                .doFinally(signal -> inFlight.release())
                .subscribe(null, e -> log.error("Webhook delivery {} could not be recorded; it is tried again when its lease ends", due.id(), e));
    }

    /** The endpoint checked and resolved now (DNS blocks: off the event loops), then the request to the checked address. */
    private Mono<Integer> send(WebhookRepository.Due due) {
        return Mono.fromCallable(() -> endpoints.target(due.url()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(target -> sender.post(target, headers(due), due.body()));
    }

    private Map<String, String> headers(WebhookRepository.Due due) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String messageId = due.eventId().toString();
        List<String> signing = new ArrayList<>(2);
        signing.add(secrets.open(due.subscriptionId(), due.secret()));
        if (due.previousSecret() != null && due.previousSecretUntil() != null && due.previousSecretUntil().isAfter(now)) {
            signing.add(secrets.open(due.subscriptionId(), due.previousSecret()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/cloudevents+json");
        headers.put("User-Agent", "hrm-notification-webhooks");
        headers.put(WebhookSignature.ID, messageId);
        headers.put(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE, WebhookSignature.signAll(signing, messageId, timestamp, due.body()));
        return headers;
    }

    /** True when the event in this delivery is still for its subscription's owner (their vacancy, their entity). */
    private static boolean stillTheirs(WebhookRepository.Due due) {
        Map<String, Object> data;
        try {
            Object parsed = EventJson.mapper().readValue(due.body(), Map.class).get("data");
            if (!(parsed instanceof Map<?, ?> map)) {
                return false;
            }
            data = new LinkedHashMap<>();
            map.forEach((key, value) -> data.put(String.valueOf(key), value));
        } catch (RuntimeException e) {
            return false;
        }
        return WebhookAccess.mayReceive(due.ownerRole(), due.owner(), due.ownerEntity(), due.ceType(), data);
    }

    private Mono<Void> record(WebhookRepository.Due due, CircuitBreaker breaker, Outcome outcome, long nanos) {
        if (outcome.ok()) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, outcome.error() != null ? outcome.error() : new IllegalStateException(outcome.logged()));
            if (outcome.error() instanceof Endpoints.Refused refused) {
                log.warn("Webhook delivery {} of subscription {} not sent: {}", due.id(), due.subscriptionId(), refused.getMessage());
            } else if (outcome.error() instanceof IllegalStateException secret) {
                log.error("Webhook delivery {} of subscription {} not sent: {}", due.id(), due.subscriptionId(), secret.getMessage());
            } else if (outcome.error() != null) {
                log.info("Webhook delivery {} of subscription {} failed: {}", due.id(), due.subscriptionId(),
                        outcome.error().getClass().getSimpleName());
            }
        }
        Instant now = clock.instant();
        // how long an attempt took only when it was answered: a refused connection, a timeout and a refused address
        // take tell-tale times, which would map the network as well as their names
        int millis = outcome.status() == null ? 0 : (int) TimeUnit.NANOSECONDS.toMillis(nanos);
        int attempt = due.attempts() + 1;
        String error = outcome.logged();
        Mono<Void> next;
        if (outcome.ok()) {
            next = webhooks.delivered(due, outcome.status(), now);
        } else if (attempt < settings.maxAttempts()) {
            next = webhooks.retryLater(due, outcome.status(), error, now.plusMillis(backoff.apply(attempt)));
        } else {
            log.warn("Webhook delivery {} of subscription {} given up after {} attempts: {}", due.id(), due.subscriptionId(), attempt, error);
            next = webhooks.gaveUp(due, outcome.status(), error).flatMap(inARow -> pauses.pauseIfFailing(due.subscriptionId(), inARow, error));
        }
        return transactional.transactional(webhooks.logAttempt(due, now, outcome.status(), error, millis).then(next));
    }
}
