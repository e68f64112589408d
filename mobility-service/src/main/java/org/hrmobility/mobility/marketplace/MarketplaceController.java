package org.hrmobility.mobility.marketplace;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.security.CurrentUser;
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

    record Talents(@NotEmpty List<@NotBlank String> skills, @NotNull @Min(5) @Max(100) Integer sharePercent,
                   @NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 200) String title) {

        @AssertTrue(message = "the period ends on or after it starts")
        boolean isPeriodValid() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    record Consent(@NotNull Boolean given) {
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
                .map(o -> ResponseEntity.created(URI.create("/api/mobility/talent-offers/" + o.id())).body(o));
    }

    @GetMapping("/talent-offers")
    Mono<List<TalentOffer>> offers(CurrentUser user) {
        return marketplace.offers(user);
    }

    @PostMapping("/talent-offers/{id}/consent")
    Mono<TalentOffer> consent(@PathVariable UUID id, @Valid @RequestBody Consent r, CurrentUser user) {
        return marketplace.consent(id, r.given(), user);
    }

    @PostMapping("/talent-requests")
    Mono<ResponseEntity<TalentRequest>> request(@Valid @RequestBody Talents r, CurrentUser user) {
        return marketplace.request(r.title() == null ? "Talent request" : r.title(), r.skills(), r.sharePercent(), r.from(), r.to(), user)
                .map(t -> ResponseEntity.created(URI.create("/api/mobility/talent-requests/" + t.id())).body(t));
    }

    @GetMapping("/talent-requests")
    Mono<List<TalentRequest>> requests() {
        return marketplace.requests();
    }

    @GetMapping("/talent-requests/{id}/matches")
    Mono<List<MatchRanking.Match>> matches(@PathVariable UUID id, @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit,
                                           CurrentUser user) {
        return marketplace.matches(id, limit, user);
    }

    @PostMapping("/assignments")
    Mono<TalentRequest> assign(@Valid @RequestBody Assign r, CurrentUser user) {
        return marketplace.assign(r.requestId(), r.offerId(), user);
    }
}
