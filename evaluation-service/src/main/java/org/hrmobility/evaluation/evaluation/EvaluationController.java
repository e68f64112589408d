package org.hrmobility.evaluation.evaluation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.audit.AuditEntry;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    record RecordEvaluation(@NotBlank String employeeId, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                            @NotNull LocalDate evaluatedOn, @NotNull Rating rating, Boolean specialCircumstances,
                            @Size(max = 4000) String motivation) {

        @AssertTrue(message = "the period cannot end before it starts")
        boolean isPeriodValid() {
            return periodFrom == null || periodTo == null || !periodTo.isBefore(periodFrom);
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

    record GuidanceAction(@NotBlank @Size(max = 1000) String action) {
    }

    record ProposalDecision(@NotNull Boolean dismissed, @NotBlank @Size(max = 4000) String motivation) {
    }

    record ContractualDismissal(@NotBlank String employeeId, @NotNull LocalDate effectiveOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record FollowUpView(String employeeId, EvaluationFile.State state, int evaluationsSoFar, int evaluationsWatched,
                        LocalDate openedOn, LocalDate earliestNext, FollowUp.Outcome outcome, List<String> guidanceActions,
                        DismissalProposal.Status proposal) {

        static FollowUpView of(EvaluationFile f) {
            FollowUp u = f.followUp();
            return new FollowUpView(f.employeeId(), f.state(), u == null ? 0 : u.evaluations(), FollowUp.WATCHED,
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
                        r.evaluatedOn(), r.rating(), r.special(), r.motivation(), by.subject()), user)
                .map(e -> ResponseEntity.created(URI.create("/api/evaluations/" + e.id())).body(e));
    }

    @GetMapping
    Mono<List<Evaluation>> list(@RequestParam String employeeId, CurrentUser user) {
        return evaluations.list(employeeId, user);
    }

    @GetMapping("/{evaluationId}")
    Mono<Evaluation> get(@PathVariable UUID evaluationId, CurrentUser user) {
        return evaluations.get(evaluationId, user);
    }

    @GetMapping("/follow-ups/{employeeId}")
    Mono<FollowUpView> followUp(@PathVariable String employeeId, CurrentUser user) {
        return evaluations.file(employeeId, user).map(FollowUpView::of);
    }

    @GetMapping("/follow-ups/{employeeId}/history")
    Mono<List<AuditEntry>> history(@PathVariable String employeeId, CurrentUser user) {
        return evaluations.history(employeeId, user);
    }

    @PostMapping("/follow-ups/{employeeId}/guidance-actions")
    Mono<FollowUpView> guidance(@PathVariable String employeeId, @Valid @RequestBody GuidanceAction r, CurrentUser user) {
        return evaluations.recordGuidanceAction(employeeId, r.action(), user).map(FollowUpView::of);
    }

    @PostMapping("/follow-ups/{employeeId}/dismissal-decision")
    Mono<FollowUpView> decide(@PathVariable String employeeId, @Valid @RequestBody ProposalDecision r, CurrentUser user) {
        return evaluations.decideProposal(employeeId, r.dismissed(), r.motivation(), user).map(FollowUpView::of);
    }

    @PostMapping("/contractual-dismissals")
    Mono<FollowUpView> contractualDismissal(@Valid @RequestBody ContractualDismissal r, CurrentUser user) {
        return evaluations.recordContractualDismissal(r.employeeId(), r.effectiveOn(), r.reason(), user).map(FollowUpView::of);
    }
}
