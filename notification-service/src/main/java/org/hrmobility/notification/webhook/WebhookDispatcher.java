package org.hrmobility.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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

/**
 * Sends due deliveries, each endpoint behind its own circuit breaker: a dead endpoint stops being called after a
 * few failures (its deliveries wait, not spending attempts), while the others keep flowing. Sends run
 * asynchronously, at most {@code max-in-flight} at once, so a slow endpoint holds no one else up. A failed
 * attempt is retried with exponential backoff; a delivery out of attempts is given up, and a subscription whose
 * deliveries keep being given up is paused and its owner told ({@link SubscriptionPauses}).
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRepository webhooks;
    private final CircuitBreakerRegistry breakers;
    private final SubscriptionPauses pauses;
    private final TransactionalOperator transactional;
    private final Clock clock;
    private final NotificationSettings.Webhooks settings;
    private final IntervalFunction backoff;
    private final Semaphore inFlight;
    private final HttpClient http;

    WebhookDispatcher(WebhookRepository webhooks, CircuitBreakerRegistry breakers, SubscriptionPauses pauses,
                      TransactionalOperator transactional, Clock clock, NotificationSettings settings) {
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.pauses = pauses;
        this.transactional = transactional;
        this.clock = clock;
        this.settings = settings.webhooks();
        this.backoff = IntervalFunction.ofExponentialBackoff(this.settings.backoffInitial(), this.settings.backoffMultiplier(),
                this.settings.backoffMax());
        this.inFlight = new Semaphore(this.settings.maxInFlight());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(this.settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${hrm.notification.webhooks.poll:PT0.25S}", initialDelayString = "PT2S")
    void dispatch() {
        int free = inFlight.availablePermits();
        if (free == 0) {
            return;
        }
        Instant now = clock.instant();
        List<WebhookRepository.Due> due = webhooks.claimDue(now, now.plus(settings.timeout().multipliedBy(3)), free)
                .collectList().block(Duration.ofSeconds(30));
        // on this scheduler thread, not on the database driver's event loop
        due.forEach(this::attempt);
    }

    private void attempt(WebhookRepository.Due due) {
        CircuitBreaker breaker = breakers.circuitBreaker(due.subscriptionId().toString());
        if (!breaker.tryAcquirePermission()) {
            webhooks.postpone(due.id(), clock.instant().plus(settings.breaker().openFor())).block(Duration.ofSeconds(10));
            return;
        }
        inFlight.acquireUninterruptibly();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<InputStream>> sent;
        try {
            sent = http.sendAsync(request(due), HttpResponse.BodyHandlers.ofInputStream());
        } catch (RuntimeException e) {
            // an endpoint no request can be built for: a failed attempt like any other, and its permits back
            sent = CompletableFuture.failedFuture(e);
        }
        // the answer's status is all that counts: its body is closed unread, so a slow body holds no one up
        sent.orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, error) -> {
            try {
                long nanos = System.nanoTime() - started;
                Integer status = response == null ? null : response.statusCode();
                closeQuietly(response);
                if (status != null && status >= 200 && status < 300) {
                    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                    record(due, status, null, nanos, true);
                } else {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    // the kind of failure only: the delivery log is the owner's, and must not map the network for them
                    String reason = cause != null ? cause.getClass().getSimpleName() : "HTTP " + status;
                    breaker.onError(nanos, TimeUnit.NANOSECONDS, cause != null ? cause : new IllegalStateException(reason));
                    record(due, status, reason, nanos, false);
                }
            } catch (RuntimeException e) {
                log.error("Webhook delivery {} could not be recorded; it is tried again when its lease ends", due.id(), e);
            } finally {
                inFlight.release();
            }
        });
    }

    private HttpRequest request(WebhookRepository.Due due) {
        long timestamp = clock.instant().getEpochSecond();
        String messageId = due.eventId().toString();
        return HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/cloudevents+json")
                .header(WebhookSignature.ID, messageId)
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(due.secret(), messageId, timestamp, due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body()))
                .build();
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        if (response != null) {
            try {
                response.body().close();
            } catch (IOException e) {
                // the status is what counts; a body that will not close is the connection's problem
            }
        }
    }

    private void record(WebhookRepository.Due due, Integer status, String error, long nanos, boolean ok) {
        Instant now = clock.instant();
        int millis = (int) TimeUnit.NANOSECONDS.toMillis(nanos);
        int attempt = due.attempts() + 1;
        Mono<Void> outcome;
        if (ok) {
            outcome = webhooks.delivered(due, status, now);
        } else if (attempt < settings.maxAttempts()) {
            outcome = webhooks.retryLater(due, status, error, now.plusMillis(backoff.apply(attempt)));
        } else {
            log.warn("Webhook delivery {} of subscription {} given up after {} attempts: {}", due.id(), due.subscriptionId(), attempt, error);
            outcome = webhooks.gaveUp(due, status, error).flatMap(inARow -> pauses.pauseIfFailing(due.subscriptionId(), inARow, error));
        }
        transactional.transactional(webhooks.logAttempt(due, now, status, error, millis).then(outcome)).block(Duration.ofSeconds(10));
    }
}
