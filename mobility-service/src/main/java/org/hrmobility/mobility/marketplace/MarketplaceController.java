package org.hrmobility.mobility.marketplace;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility")
@Validated
class MarketplaceController {

    record Talents(@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> skills,
                   @NotNull @Min(5) @Max(100) Integer sharePercent, @NotNull LocalDate from, @NotNull LocalDate to,
                   @Size(max = 200) String title) {

        @AssertTrue(message = "the period ends on or after it starts")
        boolean isPeriodValid() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    /** {@code reason}: required when HR records the consent on the line manager's behalf. */
    record Consent(@NotNull Boolean given, @Size(max = 2000) String reason) {
    }

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    record Assign(@NotNull UUID requestId, @NotNull UUID offerId) {
    }

    private final MarketplaceService marketplace;

    MarketplaceController(MarketplaceService marketplace) {
        this.marketplace = marketplace;
    }

    @PostMapping("/talent-offers")
    Mono<ResponseEntity<TalentOffer>> offer(@Valid @RequestBody Talents r, CurrentUser user) {
        return marketplace.offer(r.skills(), r.sharePercent(), r.from(), r.to(), user)
                .map(o -> ResponseEntity.created(URI.create("/api/mobility/talent-offers/" + o.value().id())).body(o.value()));
    }

    /** Published offers, and the caller's own and their reports' offers in any state. */
    @GetMapping("/talent-offers")
    Mono<Page<TalentOffer>> offers(@RequestParam(required = false) TalentOffer.Status status,
                                   @RequestParam(required = false) @Size(max = 100) String skill,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return marketplace.offers(status, skill, user, page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/talent-offers/{id}")
    Mono<TalentOffer> getOffer(@PathVariable UUID id, CurrentUser user) {
        return marketplace.offer(id, user).map(Stored::value);
    }

    @PostMapping("/talent-offers/{id}/consent")
    Mono<TalentOffer> consent(@PathVariable UUID id, @Valid @RequestBody Consent r, CurrentUser user) {
        return marketplace.consent(id, r.given(), r.reason(), user).map(Stored::value);
    }

    /** R-COR-1: the employee (or HR on their behalf) takes the offer off the market. */
    @PostMapping("/talent-offers/{id}/withdrawal")
    Mono<TalentOffer> withdrawOffer(@PathVariable UUID id, @Valid @RequestBody Withdrawal r, CurrentUser user) {
        return marketplace.withdrawOffer(id, r.reason(), user).map(Stored::value);
    }

    @PostMapping("/talent-requests")
    Mono<ResponseEntity<TalentRequest>> request(@Valid @RequestBody Talents r, CurrentUser user) {
        return marketplace.request(r.title() == null ? "Talent request" : r.title(), r.skills(), r.sharePercent(), r.from(), r.to(), user)
                .map(t -> ResponseEntity.created(URI.create("/api/mobility/talent-requests/" + t.value().id())).body(t.value()));
    }

    @GetMapping("/talent-requests")
    Mono<Page<TalentRequest>> requests(@RequestParam(required = false) TalentRequest.Status status,
                                       @RequestParam(required = false) @Size(max = 100) String skill,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return marketplace.requests(status, skill, user, page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/talent-requests/{id}")
    Mono<TalentRequest> getRequest(@PathVariable UUID id, CurrentUser user) {
        return marketplace.request(id, user).map(Stored::value);
    }

    /** R-COR-1: the owner (or HR) withdraws an open request. */
    @PostMapping("/talent-requests/{id}/withdrawal")
    Mono<TalentRequest> withdrawRequest(@PathVariable UUID id, @Valid @RequestBody Withdrawal r, CurrentUser user) {
        return marketplace.withdrawRequest(id, r.reason(), user).map(Stored::value);
    }

    @GetMapping("/talent-requests/{id}/matches")
    Mono<List<MatchRanking.Match>> matches(@PathVariable UUID id, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                                           CurrentUser user) {
        return marketplace.matches(id, limit, user);
    }

    @PostMapping("/assignments")
    Mono<TalentRequest> assign(@Valid @RequestBody Assign r, CurrentUser user) {
        return marketplace.assign(r.requestId(), r.offerId(), user).map(Stored::value);
    }

    /** R-COR-1: the owner (or HR) cancels an assignment made in error; request and offer are open again. */
    @PostMapping("/talent-requests/{id}/assignment-cancellation")
    Mono<TalentRequest> cancelAssignment(@PathVariable UUID id, @Valid @RequestBody Withdrawal r, CurrentUser user) {
        return marketplace.cancelAssignment(id, r.reason(), user).map(Stored::value);
    }
}
