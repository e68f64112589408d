package org.hrmobility.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.notification.NotificationSettings;
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
 * handlers' systems (the decisions about their own entity). Each owner sees and manages only their own; the secret
 * is shown once, when created or rotated.
 * <p>
 * Webhooks are a way out of the suite, so they are bounded:
 * <ul>
 *   <li><b>Scope</b>: a recruitment system hears only of its own vacancies, a case handler only of the entity their
 *       token names when subscribing (recorded with the subscription; {@link WebhookAccess}).</li>
 *   <li><b>Four eyes</b>: a case handler's subscription waits for the approval of another case handler of the same
 *       entity ({@code POST {id}/approval}, not by the one who asked); nothing is queued or sent before. The case
 *       handlers of the entity are told in their shared inbox and find it under {@code GET approvals}; they may also
 *       refuse it ({@code POST {id}/rejection}). A recruitment system's subscription needs no approval: it can only
 *       carry the filling of the system's own vacancies, which the system is told of anyway
 *       ({@code GET /api/redeployment/vacancies/{id}}), and a machine client has no colleague to approve it.</li>
 *   <li><b>Allowed hosts</b>: when {@code hrm.notification.webhooks.allowed-hosts} is set, only those hosts (and
 *       subdomains of {@code *.} entries), for every owner; checked when subscribing, approving, renewing and before
 *       each delivery ({@link Endpoints}).</li>
 *   <li><b>Expiry</b>: the service cannot see whether an owner still has their role, so a subscription runs for
 *       {@code lifetime} (90 days) and its owner renews it ({@code POST {id}/renewal}) with a fresh token, which must
 *       still carry the role and entity it was made under. When it runs out it is EXPIRED: nothing new is queued, what
 *       was queued is held, and the owner is told; renewing sends what was held.</li>
 *   <li><b>Secrets</b> are encrypted at rest ({@link WebhookSecrets}) and rotated with {@code POST {id}/secret-rotation}:
 *       for {@code secret-overlap} (24 hours) deliveries are signed with the new and the old secret, then the new one
 *       only. A second rotation within the overlap ends the oldest secret at once.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
@Validated
class WebhookController {

    record Subscribe(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://.+") String url,
                     @NotEmpty List<@NotBlank String> eventTypes, @Email String contactEmail) {
    }

    /**
     * A subscription as its owner sees it; {@code secret} only in the answers that create it or rotate its secret, and
     * {@code previousSecretValidUntil} while the secret before the last rotation still signs.
     */
    record SubscriptionView(UUID id, String url, List<String> eventTypes, String status, String pausedReason,
                            int failedInARow, String circuit, String contactEmail, Instant createdAt, String entity,
                            String approvedBy, Instant approvedAt, Instant expiresAt, Instant previousSecretValidUntil,
                            String secret) {
    }

    /** A subscription that waits for approval, as the case handlers asked to approve it see it: never its secret. */
    record ApprovalView(UUID id, String requestedBy, String entity, String url, List<String> eventTypes, String contactEmail,
                        Instant createdAt, Instant expiresAt) {
    }

    private final WebhookRepository webhooks;
    private final CircuitBreakerRegistry breakers;
    private final Endpoints endpoints;
    private final WebhookSecrets secrets;
    private final SubscriptionPauses notices;
    private final Clock clock;
    private final NotificationSettings.Webhooks settings;

    WebhookController(WebhookRepository webhooks, CircuitBreakerRegistry breakers, Endpoints endpoints, WebhookSecrets secrets,
                      SubscriptionPauses notices, Clock clock, NotificationSettings settings) {
        this.webhooks = webhooks;
        this.breakers = breakers;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.notices = notices;
        this.clock = clock;
        this.settings = settings.webhooks();
    }

    @PostMapping
    Mono<ResponseEntity<SubscriptionView>> subscribe(@Valid @RequestBody Subscribe request, CurrentUser user) {
        Role role = subscriber(user);
        String entity = role == Role.HR_CASE_HANDLER ? entityOf(user) : null;
        checkTypes(role, request.eventTypes());
        endpoints.check(request.url());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Subscription.Status status = role == Role.HR_CASE_HANDLER ? Subscription.Status.PENDING_APPROVAL : Subscription.Status.ACTIVE;
        Subscription subscription = new Subscription(id, user.subject(), role, entity, request.url(),
                request.eventTypes().stream().distinct().toList(), secrets.seal(id, secret), null, null, request.contactEmail(),
                status, 0, null, now, null, null, now.plus(settings.lifetime()));
        return webhooks.insert(subscription)
                .flatMap(s -> s.status() == Subscription.Status.PENDING_APPROVAL ? notices.approvalRequested(s, now).thenReturn(s) : Mono.just(s))
                .map(s -> ResponseEntity.created(URI.create("/api/notifications/webhooks/" + s.id())).body(view(s, secret)));
    }

    @GetMapping
    Mono<List<SubscriptionView>> mine(CurrentUser user) {
        subscriber(user);
        return webhooks.ofOwner(user.subject()).map(s -> view(s, null)).collectList();
    }

    /** The subscriptions of other case handlers of my entity that wait for approval. */
    @GetMapping("/approvals")
    Mono<List<ApprovalView>> awaitingApproval(CurrentUser user) {
        String entity = approver(user);
        return webhooks.awaitingApproval(entity, user.subject(), clock.instant())
                .map(s -> new ApprovalView(s.id(), s.owner(), s.ownerEntity(), s.url(), s.eventTypes(), s.contactEmail(),
                        s.createdAt(), s.expiresAt()))
                .collectList();
    }

    @GetMapping("/{id}")
    Mono<SubscriptionView> get(@PathVariable UUID id, CurrentUser user) {
        return owned(id, user).map(s -> view(s, null));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, CurrentUser user) {
        return owned(id, user).flatMap(s -> webhooks.delete(id, "deleted by its owner", clock.instant()))
                .then(webhooks.cancelPending(id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** Resumes a paused subscription: held deliveries follow, and those given up are tried again. */
    @PostMapping("/{id}/resumption")
    Mono<SubscriptionView> resume(@PathVariable UUID id, CurrentUser user) {
        Instant now = clock.instant();
        return owned(id, user)
                .flatMap(s -> webhooks.resume(id, now)
                        .switchIfEmpty(Mono.error(() -> new ConflictException("webhook-not-paused", "Subscription not paused",
                                "Only a paused subscription resumes; this one is " + s.status() + ". One that waits for approval "
                                        + "is approved by another case handler; an expired one is renewed."))))
                .flatMap(s -> webhooks.requeueFailed(id, now).thenReturn(s))
                .doOnNext(s -> breakers.circuitBreaker(id.toString()).reset())
                .map(s -> view(s, null));
    }

    /** A second case handler of the owner's entity approves a case handler's subscription: from now on it delivers. */
    @PostMapping("/{id}/approval")
    Mono<SubscriptionView> approve(@PathVariable UUID id, CurrentUser user) {
        String entity = approver(user);
        Instant now = clock.instant();
        return ofEntity(id, entity)
                .flatMap(s -> {
                    if (s.owner().equals(user.subject())) {
                        return Mono.error(new ForbiddenException(null, "webhook-four-eyes", "Approved by someone else",
                                "A webhook subscription is approved by another case handler of " + entity + ", not by the one who asked for it."));
                    }
                    if (s.status() != Subscription.Status.PENDING_APPROVAL) {
                        return Mono.error(new ConflictException("webhook-not-awaiting-approval", "Not awaiting approval",
                                "This subscription is " + s.status() + "; only one that waits for approval is approved."));
                    }
                    if (s.expiredAt(now)) {
                        return Mono.error(expired());
                    }
                    endpoints.check(s.url());
                    return webhooks.approve(id, user.subject(), now)
                            .switchIfEmpty(Mono.error(() -> new ConflictException("webhook-not-awaiting-approval", "Not awaiting approval",
                                    "This subscription no longer waits for approval.")));
                })
                .map(s -> view(s, null));
    }

    /** A case handler of the owner's entity refuses a subscription that waits for approval: it is deleted. */
    @PostMapping("/{id}/rejection")
    Mono<ResponseEntity<Void>> reject(@PathVariable UUID id, CurrentUser user) {
        String entity = approver(user);
        return ofEntity(id, entity)
                .flatMap(s -> webhooks.reject(id, "refused by " + user.subject(), clock.instant())
                        .switchIfEmpty(Mono.error(() -> new ConflictException("webhook-not-awaiting-approval", "Not awaiting approval",
                                "This subscription is " + s.status() + "; only one that waits for approval is refused."))))
                .then(webhooks.cancelPending(id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The owner renews for another lifetime, with a fresh token that must still carry the role (and, for a case
     * handler, the entity) the subscription was made under; the endpoint and event types are checked again. An expired
     * subscription goes on (its held deliveries follow); a case handler's that nobody approved yet waits for approval.
     */
    @PostMapping("/{id}/renewal")
    Mono<SubscriptionView> renew(@PathVariable UUID id, CurrentUser user) {
        Instant now = clock.instant();
        return owned(id, user).flatMap(s -> {
            Role role = subscriber(user);
            if (role != s.ownerRole()) {
                return Mono.error(new ForbiddenException(null, "webhook-role-changed", "Role changed",
                        "This subscription was made as " + s.ownerRole() + "; your token is " + role + ". Subscribe anew."));
            }
            String entity = s.ownerEntity();
            if (role == Role.HR_CASE_HANDLER) {
                String current = entityOf(user);
                if (entity != null && !entity.equals(current)) {
                    return Mono.error(new ForbiddenException(null, "webhook-entity-changed", "Entity changed",
                            "This subscription follows " + entity + "; your token is for " + current + ". Subscribe anew."));
                }
                entity = current;
            }
            checkTypes(role, s.eventTypes());
            endpoints.check(s.url());
            Subscription.Status status = s.status() == Subscription.Status.EXPIRED ? Subscription.Status.ACTIVE : s.status();
            if (role == Role.HR_CASE_HANDLER && s.approvedBy() == null) {
                status = Subscription.Status.PENDING_APPROVAL;
            }
            boolean asksApproval = status == Subscription.Status.PENDING_APPROVAL && s.status() != Subscription.Status.PENDING_APPROVAL;
            return webhooks.renew(id, entity, status, now.plus(settings.lifetime()), now)
                    .flatMap(renewed -> asksApproval ? notices.approvalRequested(renewed, now).thenReturn(renewed) : Mono.just(renewed));
        }).map(s -> view(s, null));
    }

    /**
     * A new signing secret, shown in this answer only. For {@code secret-overlap} deliveries carry the signatures of
     * both the new and the previous secret, so receivers switch without losing a delivery; then the new one only.
     */
    @PostMapping("/{id}/secret-rotation")
    Mono<SubscriptionView> rotateSecret(@PathVariable UUID id, CurrentUser user) {
        Instant now = clock.instant();
        String fresh = WebhookSignature.newSecret();
        return owned(id, user).flatMap(s -> {
            String previous;
            try {
                previous = secrets.isCurrent(s.secret()) ? s.secret() : secrets.seal(id, secrets.open(id, s.secret()));
            } catch (IllegalStateException unreadable) {
                // under a key no longer configured: it signs nothing anyway, so there is nothing to overlap with
                previous = null;
            }
            return webhooks.rotateSecret(id, s.secret(), secrets.seal(id, fresh), previous,
                            previous == null ? null : now.plus(settings.secretOverlap()), now)
                    .switchIfEmpty(Mono.error(() -> new ConflictException("webhook-rotation-conflict", "Rotated meanwhile",
                            "The secret was rotated by another request meanwhile; rotate again if you need a secret of your own.")));
        }).map(s -> view(s, fresh));
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

    /** A case handler's subscription of this entity: what the case handlers asked to approve it may see. */
    private Mono<Subscription> ofEntity(UUID id, String entity) {
        return webhooks.find(id).filter(s -> s.ownerRole() == Role.HR_CASE_HANDLER && entity.equals(s.ownerEntity()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("webhook subscription", id)));
    }

    private static void checkTypes(Role role, List<String> types) {
        Set<String> allowed = WebhookAccess.subscribable(role);
        for (String type : types) {
            if (EventCatalog.byCeType(type).isEmpty()) {
                throw new BadRequestException("unknown-event-type", "Unknown event type",
                        "No event type " + type + "; the types are listed in the AsyncAPI document (docs/asyncapi.yaml).");
            }
            if (!allowed.contains(type)) {
                throw new ForbiddenException(null, "event-type-not-allowed", "Event type not allowed",
                        "A " + role + " may follow " + allowed.stream().sorted().toList() + ", not " + type + ".");
            }
        }
    }

    private static Role subscriber(CurrentUser user) {
        Role role = WebhookAccess.subscriberRole(user);
        if (role == null) {
            throw new ForbiddenException(null, "webhooks-for-systems", "Webhooks are for systems",
                    "Recruitment systems and HR case handlers' systems subscribe to webhooks; people read their inbox.");
        }
        return role;
    }

    /** The entity of a case handler's token: their subscriptions follow it, and they approve its subscriptions. */
    private static String entityOf(CurrentUser user) {
        if (user.entity() == null || user.entity().isBlank()) {
            throw new ForbiddenException(null, "webhooks-need-entity", "No entity in the token",
                    "A case handler's webhooks follow the decisions of their own entity; your token names none.");
        }
        return user.entity();
    }

    private static String approver(CurrentUser user) {
        if (!user.isCaseHandler()) {
            throw new ForbiddenException(null, "webhook-approval-by-case-handlers", "Approved by case handlers",
                    "Case handlers' webhook subscriptions are approved by another case handler of the same entity.");
        }
        return entityOf(user);
    }

    private static ConflictException expired() {
        return new ConflictException("webhook-expired", "Subscription expired",
                "This subscription has expired; its owner renews it first.");
    }

    private SubscriptionView view(Subscription s, String secret) {
        String circuit = breakers.find(s.id().toString()).map(b -> b.getState().name()).orElse("CLOSED");
        Instant overlap = s.inSecretOverlap(clock.instant()) ? s.previousSecretUntil() : null;
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.status().name(), s.pausedReason(), s.failedInARow(),
                circuit, s.contactEmail(), s.createdAt(), s.ownerEntity(), s.approvedBy(), s.approvedAt(), s.expiresAt(), overlap, secret);
    }
}
