package org.hrmobility.redeployment.casefile;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.domain.AuditEntry;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.web.Page;
import org.hrmobility.redeployment.casefile.CaseViews.CaseSummary;
import org.hrmobility.redeployment.casefile.CaseViews.CaseView;
import org.hrmobility.redeployment.casefile.CaseViews.OfferView;
import org.hrmobility.redeployment.offer.Position;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/redeployment/cases")
@Validated
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    Mono<ResponseEntity<CaseView>> open(@Valid @RequestBody CaseRequests.OpenCase request, CurrentUser user) {
        return cases.open(request.employeeId(), user)
                .map(c -> ResponseEntity.created(URI.create("/api/redeployment/cases/" + c.value().id())).body(CaseView.of(c.value())));
    }

    @GetMapping
    Mono<Page<CaseSummary>> list(@RequestParam(required = false) CaseStatus status,
                                 @RequestParam(required = false) @Size(max = 64) String entity,
                                 @RequestParam(required = false) @Size(max = 64) String employeeId,
                                 @RequestParam(required = false) @Size(max = 64) String lineManagerId,
                                 @Parameter(description = "the assigned case handler's employee id, or `me`")
                                 @RequestParam(required = false) @Size(max = 64) String assignedTo,
                                 @RequestParam(required = false) LocalDate openedFrom,
                                 @RequestParam(required = false) LocalDate openedTo,
                                 @RequestParam(required = false) LocalDate nextDeadlineBefore,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        String handler = "me".equals(assignedTo) ? user.employeeId() : assignedTo;
        return cases.list(user, new CaseService.Search(status, entity, employeeId, lineManagerId, handler, openedFrom, openedTo,
                        nextDeadlineBefore), page, size)
                .map(p -> p.map(c -> CaseSummary.of(c.value())));
    }

    @PostMapping("/{id}/assignment")
    Mono<CaseView> assign(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Assign request, CurrentUser user) {
        return cases.assign(id, request.handlerId(), request.reason(), user).map(c -> CaseView.of(c.value()));
    }

    @GetMapping("/{id}")
    Mono<CaseView> get(@PathVariable UUID id, CurrentUser user) {
        return cases.get(id, user).map(c -> CaseView.of(c.value()));
    }

    @GetMapping("/{id}/history")
    Mono<List<AuditEntry>> history(@PathVariable UUID id, CurrentUser user) {
        return cases.history(id, user);
    }

    /** R-RED-1: the line manager's; HR records it on the manager's behalf only with a {@code reason} (R-ACC-2). */
    @PostMapping("/{id}/guidance-trajectory")
    Mono<CaseView> guidance(@PathVariable UUID id, @Valid @RequestBody CaseRequests.RecordGuidance request, CurrentUser user) {
        return cases.recordGuidance(id, new Guidance(request.from(), request.to(), request.actions()), request.reason(), user)
                .map(c -> CaseView.of(c.value()));
    }

    @PostMapping("/{id}/admissibility")
    Mono<CaseView> admissibility(@PathVariable UUID id, @Valid @RequestBody CaseRequests.DecideAdmissibility request,
                                 CurrentUser user) {
        return cases.decideAdmissibility(id, request.redeployable(), request.motivation(), user).map(c -> CaseView.of(c.value()));
    }

    @PostMapping("/{id}/offers")
    Mono<ResponseEntity<CaseView>> offer(@PathVariable UUID id, @Valid @RequestBody CaseRequests.MakeOffer request,
                                         CurrentUser user) {
        Position inline = request.vacancy() == null ? new Position(request.title(), request.entity(), request.grade(),
                request.jobFamily(), null) : null;
        return cases.makeOffer(id, inline, request.vacancy(), user).map(stored -> {
            RedeploymentCase c = stored.value();
            OfferView made = OfferView.of(c.offers().get(c.offers().size() - 1));
            return ResponseEntity.created(URI.create("/api/redeployment/cases/" + id + "/offers/" + made.id())).body(CaseView.of(c));
        });
    }

    @PostMapping("/{id}/offers/{offerId}/acceptance")
    Mono<CaseView> accept(@PathVariable UUID id, @PathVariable UUID offerId,
                          @Valid @RequestBody(required = false) CaseRequests.Acceptance request, CurrentUser user) {
        return cases.accept(id, offerId, request == null ? null : request.reason(), user).map(c -> CaseView.of(c.value()));
    }

    @PostMapping("/{id}/offers/{offerId}/refusal")
    Mono<CaseView> refuse(@PathVariable UUID id, @PathVariable UUID offerId,
                          @Valid @RequestBody CaseRequests.Refusal request, CurrentUser user) {
        return cases.refuse(id, offerId, request.reason(), user).map(c -> CaseView.of(c.value()));
    }

    /**
     * R-COR-1: HR cancels an offer made in error (open, or refused or expired while in the pool), with the reason; it does
     * not count as a refusal.
     */
    @PostMapping("/{id}/offers/{offerId}/cancellation")
    Mono<CaseView> cancelOffer(@PathVariable UUID id, @PathVariable UUID offerId,
                               @Valid @RequestBody CaseRequests.Correction request, CurrentUser user) {
        return cases.cancelOffer(id, offerId, request.reason(), user).map(c -> CaseView.of(c.value()));
    }

    /** R-COR-2: closing ends the open offer, which no longer counts or can be answered. */
    @PostMapping("/{id}/closure")
    Mono<CaseView> close(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Closure request, CurrentUser user) {
        return cases.close(id, request.reason(), user).map(c -> CaseView.of(c.value()));
    }

    /** R-COR-1: a case closed by mistake goes back to where it was, with the reason. */
    @PostMapping("/{id}/reopening")
    Mono<CaseView> reopen(@PathVariable UUID id, @Valid @RequestBody CaseRequests.Correction request, CurrentUser user) {
        return cases.reopen(id, request.reason(), user).map(c -> CaseView.of(c.value()));
    }
}
