package org.hrmobility.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * Webhook subscriptions of machine clients (a recruitment system follows its filled vacancies) and of case
 * handlers' systems. Each owner sees and manages only their own; the secret is shown once, when created.
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
@Validated
class WebhookController {

    record Subscribe(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://.+") String url,
                     @NotEmpty List<@NotBlank String> eventTypes, @Email String contactEmail) {
    }

    /** A subscription as its owner sees it; {@code secret} only in the answer that creates it. */
    record SubscriptionView(UUID id, String url, List<String> eventTypes, String status, String pausedReason,
                            int failedInARow, String circuit, String contactEmail, Instant createdAt, String secret) {
    }

    private final WebhookRepository webhooks;
    private final CircuitBreakerRegistry breakers;
    private final Endpoints endpoints;
    private final Clock clock;

    WebhookController(WebhookRepository webhooks, CircuitBreakerRegistry breakers, Endpoints endpoints, Clock clock) {
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<SubscriptionView>> subscribe(@Valid @RequestBody Subscribe request, CurrentUser user) {
        Role role = subscriber(user);
        Set<String> allowed = WebhookAccess.subscribable(role);
        for (String type : request.eventTypes()) {
            if (EventCatalog.byCeType(type).isEmpty()) {
                throw new BadRequestException("unknown-event-type", "Unknown event type",
                        "No event type " + type + "; the types are listed in the AsyncAPI document (docs/asyncapi.yaml).");
            }
            if (!allowed.contains(type)) {
                throw new ForbiddenException(null, "event-type-not-allowed", "Event type not allowed",
                        "A " + role + " may follow " + allowed.stream().sorted().toList() + ", not " + type + ".");
            }
        }
        endpoints.check(request.url());
        Instant now = clock.instant();
        Subscription subscription = new Subscription(UUID.randomUUID(), user.subject(), role, request.url(),
                request.eventTypes().stream().distinct().toList(), WebhookSignature.newSecret(), request.contactEmail(),
                Subscription.Status.ACTIVE, 0, null, now);
        return webhooks.insert(subscription).map(s -> ResponseEntity
                .created(URI.create("/api/notifications/webhooks/" + s.id())).body(view(s, s.secret())));
    }

    @GetMapping
    Mono<List<SubscriptionView>> mine(CurrentUser user) {
        subscriber(user);
        return webhooks.ofOwner(user.subject()).map(s -> view(s, null)).collectList();
    }

    @GetMapping("/{id}")
    Mono<SubscriptionView> get(@PathVariable UUID id, CurrentUser user) {
        return owned(id, user).map(s -> view(s, null));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, CurrentUser user) {
        return owned(id, user).flatMap(s -> webhooks.setStatus(id, Subscription.Status.DELETED, "deleted by its owner", clock.instant()))
                .then(webhooks.cancelPending(id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Resumes a paused subscription: held deliveries follow, and those given up are tried again. */
    @PostMapping("/{id}/resumption")
    Mono<SubscriptionView> resume(@PathVariable UUID id, CurrentUser user) {
        Instant now = clock.instant();
        return owned(id, user)
                .flatMap(s -> webhooks.setStatus(id, Subscription.Status.ACTIVE, null, now))
                .flatMap(s -> webhooks.requeueFailed(id, now).thenReturn(s))
                .doOnNext(s -> breakers.circuitBreaker(id.toString()).reset())
                .map(s -> view(s, null));
    }

    /** The delivery log: newest first, each with every attempt and its answer. */
    @GetMapping("/{id}/deliveries")
    Mono<List<WebhookRepository.Delivery>> deliveries(@PathVariable UUID id,
                                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                                                      CurrentUser user) {
        return owned(id, user).flatMap(s -> webhooks.deliveries(id, limit).collectList());
    }

    private Mono<Subscription> owned(UUID id, CurrentUser user) {
        subscriber(user);
        return webhooks.find(id).filter(s -> s.owner().equals(user.subject()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("webhook subscription", id)));
    }

    private static Role subscriber(CurrentUser user) {
        Role role = WebhookAccess.subscriberRole(user);
        if (role == null) {
            throw new ForbiddenException(null, "webhooks-for-systems", "Webhooks are for systems",
                    "Recruitment systems and HR case handlers' systems subscribe to webhooks; people read their inbox.");
        }
        return role;
    }

    private SubscriptionView view(Subscription s, String secret) {
        String circuit = breakers.find(s.id().toString()).map(b -> b.getState().name()).orElse("CLOSED");
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.status().name(), s.pausedReason(), s.failedInARow(),
                circuit, s.contactEmail(), s.createdAt(), secret);
    }
}
