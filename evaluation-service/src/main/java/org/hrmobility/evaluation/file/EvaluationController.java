package org.hrmobility.evaluation.file;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.domain.AuditEntry;
import org.hrmobility.kit.security.CurrentUser;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/evaluations")
@Validated
class EvaluationController {

    /** {@code reason}: required when HR records the evaluation on the line manager's behalf (R-ACC-2). */
    record RecordEvaluation(@NotBlank @Size(max = 64) String employeeId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                            @NotNull LocalDate evaluatedOn, @NotNull Rating rating, Boolean specialCircumstances,
                            @Size(max = 4000) String motivation, @Size(max = 2000) String reason) {

        @AssertTrue(message = "the period starts before it ends (R-EVA-7)")
        boolean isPeriodValid() {
            return periodFrom == null || periodTo == null || periodFrom.isBefore(periodTo);
        }

        /** Optional in the request: absent means no special circumstances. */
        boolean special() {
            return Boolean.TRUE.equals(specialCircumstances);
        }

        @AssertTrue(message = "special circumstances go with an INSUFFICIENT rating and a written motivation (R-EVA-2)")
        boolean isSpecialCircumstancesValid() {
            return !special() || rating == Rating.INSUFFICIENT && motivation != null && !motivation.isBlank();
        }
    }

    /** R-COR-1: the corrected rating and dates, and why. */
    record Correction(@NotNull Rating rating, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                      @NotNull LocalDate evaluatedOn, @NotBlank @Size(max = 2000) String reason) {

        @AssertTrue(message = "the period starts before it ends (R-EVA-7)")
        boolean isPeriodValid() {
            return periodFrom == null || periodTo == null || periodFrom.isBefore(periodTo);
        }
    }

    record GuidanceAction(@NotBlank @Size(max = 1000) String action, @Size(max = 2000) String reason) {
    }

    record ProposalDecision(@NotNull Boolean dismissed, @NotBlank @Size(max = 4000) String motivation) {
    }

    record ContractualDismissal(@NotBlank @Size(max = 64) String employeeId, @NotNull LocalDate effectiveOn,
                                @NotBlank @Size(max = 4000) String reason) {
    }

    record FollowUpView(String employeeId, String entity, EvaluationFile.State state, int evaluationsSoFar, int evaluationsWatched,
                        LocalDate openedOn, LocalDate earliestNext, FollowUp.Outcome outcome, List<String> guidanceActions,
                        DismissalProposal.Status proposal) {

        static FollowUpView of(EvaluationFile f) {
            FollowUp u = f.followUp();
            return new FollowUpView(f.employeeId(), f.entity(), f.state(), u == null ? 0 : u.evaluations(), FollowUp.WATCHED,
                    u == null ? null : u.openedOn(), u == null || !u.isOpen() ? null : u.earliestNext(),
                    u == null ? null : u.outcome(), u == null ? List.of() : u.guidanceActions(),
                    f.proposal() == null ? null : f.proposal().status());
        }
    }

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @PostMapping
    Mono<ResponseEntity<Evaluation>> record(@Valid @RequestBody RecordEvaluation r, CurrentUser user) {
        return evaluations.record(r.employeeId(), by -> new Evaluation(UUID.randomUUID(), r.periodFrom(), r.periodTo(),
                        r.evaluatedOn(), r.rating(), r.special(), r.motivation(), by.subject()), r.reason(), user)
                .map(e -> ResponseEntity.created(URI.create("/api/evaluations/" + e.id())).body(e));
    }

    @GetMapping
    Mono<List<Evaluation>> list(@RequestParam @Size(max = 64) String employeeId, CurrentUser user) {
        return evaluations.list(employeeId, user);
    }

    @GetMapping("/{evaluationId}")
    Mono<Evaluation> get(@PathVariable UUID evaluationId, CurrentUser user) {
        return evaluations.get(evaluationId, user);
    }

    /** R-COR-1: HR corrects the rating or dates; the follow-up is recomputed and those concerned are told. */
    @PostMapping("/{evaluationId}/correction")
    Mono<FollowUpView> correct(@PathVariable UUID evaluationId, @Valid @RequestBody Correction r, CurrentUser user) {
        return evaluations.correct(evaluationId, r.rating(), r.periodFrom(), r.periodTo(), r.evaluatedOn(), r.reason(), user)
                .map(f -> FollowUpView.of(f.value()));
    }

    /** The follow-ups the caller may see: by state (e.g. FOLLOW_UP_OPEN, DISMISSAL_PROPOSED), entity, next evaluation before. */
    @GetMapping("/follow-ups")
    Mono<Page<FollowUpView>> followUps(@RequestParam(required = false) EvaluationFile.State state,
                                       @RequestParam(required = false) @Size(max = 64) String entity,
                                       @RequestParam(required = false) LocalDate nextBefore,
                                       @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return evaluations.followUps(new EvaluationService.Search(state, entity, nextBefore), user, page, size)
                .map(p -> p.map(f -> FollowUpView.of(f.value())));
    }

    @GetMapping("/follow-ups/{employeeId}")
    Mono<FollowUpView> followUp(@PathVariable String employeeId, CurrentUser user) {
        return evaluations.file(employeeId, user).map(f -> FollowUpView.of(f.value()));
    }

    @GetMapping("/follow-ups/{employeeId}/history")
    Mono<List<AuditEntry>> history(@PathVariable String employeeId, CurrentUser user) {
        return evaluations.history(employeeId, user);
    }

    @PostMapping("/follow-ups/{employeeId}/guidance-actions")
    Mono<FollowUpView> guidance(@PathVariable String employeeId, @Valid @RequestBody GuidanceAction r, CurrentUser user) {
        return evaluations.recordGuidanceAction(employeeId, r.action(), r.reason(), user).map(f -> FollowUpView.of(f.value()));
    }

    @PostMapping("/follow-ups/{employeeId}/dismissal-decision")
    Mono<FollowUpView> decide(@PathVariable String employeeId, @Valid @RequestBody ProposalDecision r, CurrentUser user) {
        return evaluations.decideProposal(employeeId, r.dismissed(), r.motivation(), user).map(f -> FollowUpView.of(f.value()));
    }

    @PostMapping("/contractual-dismissals")
    Mono<FollowUpView> contractualDismissal(@Valid @RequestBody ContractualDismissal r, CurrentUser user) {
        return evaluations.recordContractualDismissal(r.employeeId(), r.effectiveOn(), r.reason(), user)
                .map(f -> FollowUpView.of(f.value()));
    }
}
