package org.hrmobility.evaluation.file;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.evaluation.ContractualDismissalRecorded;
import org.hrmobility.contracts.evaluation.DismissalMandateLifted;
import org.hrmobility.contracts.evaluation.DismissalMandated;
import org.hrmobility.contracts.evaluation.DismissalProposalDecided;
import org.hrmobility.contracts.evaluation.DismissalProposed;
import org.hrmobility.contracts.evaluation.EvaluationCorrected;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.evaluation.EvaluationRecorded;
import org.hrmobility.contracts.evaluation.FollowUpClosed;
import org.hrmobility.contracts.evaluation.FollowUpEvaluationDue;
import org.hrmobility.contracts.evaluation.FollowUpOpened;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * An employee's evaluations and the professional-incompetence follow-up: the state machine of R-EVA-2 to R-EVA-5 and
 * R-EVA-7, with corrections (R-COR-1). Immutable; each decision returns the file after it, its events and its history
 * line. The follow-up is what the sequence of evaluations (and HR's rulings on dismissal proposals) makes of it, so a
 * corrected evaluation recomputes it from the corrected sequence. {@code proposal} is the latest dismissal proposal;
 * {@code earlierProposals} keeps the others HR decided (before it, or set aside by a correction), so that a correction
 * replays every ruling, not the last.
 */
public record EvaluationFile(String employeeId, String lineManagerId, String entity, ContractType contractType,
                             List<Evaluation> evaluations, FollowUp followUp, DismissalProposal proposal,
                             LocalDate contractualDismissalOn, List<DismissalProposal> earlierProposals) {

    public enum State {
        NONE, FOLLOW_UP_OPEN, FOLLOW_UP_CLOSED, DISMISSAL_PROPOSED, DISMISSED, DISMISSAL_MANDATED, CONTRACTUAL_DISMISSAL_RECORDED
    }

    public EvaluationFile {
        evaluations = List.copyOf(evaluations);
        earlierProposals = earlierProposals == null ? List.of() : List.copyOf(earlierProposals);
    }

    public static EvaluationFile empty(String employeeId, String lineManagerId, String entity, ContractType contractType) {
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, List.of(), null, null, null, List.of());
    }

    /** The same file with the employee's current master data, which events carry. */
    public EvaluationFile withEmployee(String currentLineManager, String currentEntity, ContractType currentContract) {
        return new EvaluationFile(employeeId, currentLineManager, currentEntity, currentContract, evaluations, followUp, proposal,
                contractualDismissalOn, earlierProposals);
    }

    public State state() {
        if (contractualDismissalOn != null) {
            return State.CONTRACTUAL_DISMISSAL_RECORDED;
        }
        if (proposal != null && proposal.status() == DismissalProposal.Status.DISMISSED) {
            return State.DISMISSED;
        }
        if (proposal != null && proposal.isPending()) {
            return State.DISMISSAL_PROPOSED;
        }
        if (followUp == null) {
            return State.NONE;
        }
        return switch (followUp.outcome()) {
            case OPEN -> State.FOLLOW_UP_OPEN;
            case CLOSED -> State.FOLLOW_UP_CLOSED;
            case DISMISSAL_MANDATED -> State.DISMISSAL_MANDATED;
        };
    }

    /**
     * Records an evaluation. R-EVA-7: held by today, in date order. R-EVA-3: inside a follow-up, six months after the
     * one before it. R-EVA-2/3: a first INSUFFICIENT opens a follow-up, or with special circumstances a dismissal
     * proposal. R-EVA-4: within the four following ones, another INSUFFICIENT mandates dismissal; four without close
     * the follow-up.
     */
    public Decision<EvaluationFile> record(Evaluation evaluation, Actor by, Instant now, LocalDate today) {
        evaluation.requireDatedBy(today);
        requireStillEvaluated();
        if (proposal != null && proposal.isPending()) {
            throw new ConflictException("R-EVA-2", "dismissal-proposal-pending", "Dismissal proposal pending",
                    "HR decides the dismissal proposal before the next evaluation is recorded.");
        }
        Step step = apply(evaluation);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(EvaluationEvents.EVALUATION_RECORDED, new EvaluationRecorded(employeeId, lineManagerId, entity,
                evaluation.id().toString(), evaluation.periodFrom(), evaluation.periodTo(), evaluation.evaluatedOn(),
                evaluation.rating().name(), evaluation.specialCircumstances(), step.file().nextEvaluationOn())));
        events.addAll(step.events());
        return new Decision<>(step.file(), events, by.did(now, "evaluation recorded: " + evaluation.rating() + step.note(),
                evaluation.motivation()));
    }

    /** R-EVA-2: HR decides the proposal; not dismissed, the employee goes on in a follow-up. */
    public Decision<EvaluationFile> decideProposal(boolean dismissed, String motivation, Actor by, Instant now) {
        if (proposal == null || !proposal.isPending()) {
            throw new ConflictException("no-pending-proposal", "No pending dismissal proposal",
                    "There is no dismissal proposal waiting for a decision.");
        }
        EvaluationFile ruled = ruled(dismissed, motivation);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(EvaluationEvents.DISMISSAL_PROPOSAL_DECIDED, new DismissalProposalDecided(employeeId, lineManagerId,
                entity, dismissed, motivation)));
        if (dismissed) {
            return new Decision<>(ruled, events, by.did(now, "dismissed (R-EVA-2)", motivation));
        }
        events.add(followUpOpened(ruled.followUp()));
        return new Decision<>(ruled, events,
                by.did(now, "not dismissed; follow-up opened, next evaluation not before " + ruled.followUp().earliestNext(), motivation));
    }

    /**
     * R-COR-1: HR corrects an evaluation's rating or dates. The follow-up is recomputed from the corrected sequence; a
     * mandated dismissal that no longer holds is lifted, and one that now holds is mandated. A decided dismissal or a
     * recorded contractual one is not reopened here.
     */
    public Decision<EvaluationFile> correct(UUID evaluationId, Rating rating, LocalDate periodFrom, LocalDate periodTo,
                                            LocalDate evaluatedOn, String reason, Actor by, Instant now, LocalDate today) {
        State before = state();
        if (before == State.DISMISSED || before == State.CONTRACTUAL_DISMISSAL_RECORDED) {
            throw new ConflictException("dismissal-decided", "Dismissal decided",
                    "The dismissal of this employee was decided or recorded; its evaluations are no longer corrected here.");
        }
        Evaluation old = evaluations.stream().filter(e -> e.id().equals(evaluationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("evaluation", evaluationId));
        Evaluation corrected = old.corrected(rating, periodFrom, periodTo, evaluatedOn);
        corrected.requireDatedBy(today);
        List<Evaluation> sequence = new ArrayList<>(evaluations.stream().map(e -> e.id().equals(evaluationId) ? corrected : e).toList());
        sequence.sort(Comparator.comparing(Evaluation::evaluatedOn));
        EvaluationFile recomputed = replay(sequence);
        State after = recomputed.state();
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(EvaluationEvents.EVALUATION_CORRECTED, new EvaluationCorrected(employeeId, lineManagerId, entity,
                evaluationId.toString(), periodFrom, periodTo, evaluatedOn, rating.name(), before.name(), after.name(), reason,
                recomputed.nextEvaluationOn())));
        if (before == State.DISMISSAL_MANDATED && after != State.DISMISSAL_MANDATED) {
            events.add(event(EvaluationEvents.DISMISSAL_MANDATE_LIFTED, new DismissalMandateLifted(employeeId, lineManagerId, entity,
                    evaluationId.toString(), reason)));
        }
        if (after == State.DISMISSAL_MANDATED && before != State.DISMISSAL_MANDATED) {
            events.add(event(EvaluationEvents.DISMISSAL_MANDATED, new DismissalMandated(employeeId, lineManagerId, entity,
                    evaluationId.toString(), recomputed.followUp().evaluations())));
        }
        if (after == State.FOLLOW_UP_OPEN && before != State.FOLLOW_UP_OPEN) {
            events.add(followUpOpened(recomputed.followUp()));
        }
        if (before == State.FOLLOW_UP_OPEN && (after == State.NONE || after == State.FOLLOW_UP_CLOSED)) {
            events.add(event(EvaluationEvents.FOLLOW_UP_CLOSED, new FollowUpClosed(employeeId, lineManagerId, entity,
                    recomputed.followUp() == null ? evaluatedOn : recomputed.followUp().endedOn())));
        }
        if (after == State.DISMISSAL_PROPOSED && before != State.DISMISSAL_PROPOSED) {
            events.add(event(EvaluationEvents.DISMISSAL_PROPOSED, new DismissalProposed(employeeId, lineManagerId, entity,
                    recomputed.proposal().evaluationId().toString(), recomputed.proposal().motivation())));
        }
        return new Decision<>(recomputed, events, by.did(now, "evaluation of " + old.evaluatedOn() + " corrected: "
                + changes(old, corrected) + "; " + describe(before) + (before == after ? "" : " becomes " + describe(after)), reason));
    }

    /** What a correction changed, for the history: "GOOD to INSUFFICIENT, held on 2026-06-30", not "GOOD to GOOD". */
    private static String changes(Evaluation old, Evaluation corrected) {
        List<String> changes = new ArrayList<>();
        if (old.rating() != corrected.rating()) {
            changes.add(old.rating() + " to " + corrected.rating());
        }
        if (!old.evaluatedOn().equals(corrected.evaluatedOn())) {
            changes.add("held on " + corrected.evaluatedOn());
        }
        if (!old.periodFrom().equals(corrected.periodFrom()) || !old.periodTo().equals(corrected.periodTo())) {
            changes.add("period " + corrected.periodFrom() + " to " + corrected.periodTo());
        }
        return changes.isEmpty() ? "as it was" : String.join(", ", changes);
    }

    public Decision<EvaluationFile> recordGuidanceAction(String action, Actor by, Instant now) {
        if (followUp == null || !followUp.isOpen()) {
            throw new ConflictException("no-open-follow-up", "No open follow-up", "Guidance actions belong to an open follow-up.");
        }
        return new Decision<>(with(evaluations, followUp.withAction(action), proposal), List.of(),
                by.did(now, "guidance action recorded", action));
    }

    /** R-EVA-5: contractual staff can be dismissed under labour law; recorded here, not decided. */
    public Decision<EvaluationFile> recordContractualDismissal(LocalDate effectiveOn, String reason, Actor by, Instant now) {
        if (contractType != ContractType.CONTRACTUAL) {
            throw new RuleViolationException("R-EVA-5", "not-contractual", "Not contractual staff",
                    "A dismissal under labour law applies to contractual staff; this employee is " + contractType + ".");
        }
        if (contractualDismissalOn != null) {
            throw new ConflictException("dismissal-already-recorded", "Already recorded",
                    "A contractual dismissal was recorded already, effective " + contractualDismissalOn + ".");
        }
        EvaluationFile next = new EvaluationFile(employeeId, lineManagerId, entity, contractType, evaluations, followUp, proposal,
                effectiveOn, earlierProposals);
        return new Decision<>(next, List.of(event(EvaluationEvents.CONTRACTUAL_DISMISSAL_RECORDED,
                new ContractualDismissalRecorded(employeeId, lineManagerId, entity, effectiveOn, reason))),
                by.did(now, "contractual dismissal recorded (R-EVA-5), effective " + effectiveOn, reason));
    }

    /** R-EVA-3: a month before the follow-up's earliest next evaluation, once per evaluation to come, a reminder. */
    public Optional<Decision<EvaluationFile>> remindIfDue(LocalDate today, Instant now) {
        if (followUp == null || !followUp.isOpen() || followUp.dueReminded()
                || today.isBefore(followUp.earliestNext().minusMonths(1))) {
            return Optional.empty();
        }
        return Optional.of(new Decision<>(with(evaluations, followUp.reminded(), proposal),
                List.of(event(EvaluationEvents.FOLLOW_UP_EVALUATION_DUE, new FollowUpEvaluationDue(employeeId, lineManagerId,
                        entity, followUp.earliestNext()))),
                Actor.SYSTEM.did(now, "reminder: follow-up evaluation due from " + followUp.earliestNext(), null)));
    }

    /** When the follow-up reminder falls due, for the scheduler's index; null when none is pending. */
    public LocalDate reminderDue() {
        return followUp != null && followUp.isOpen() && !followUp.dueReminded() ? followUp.earliestNext().minusMonths(1) : null;
    }

    /** R-EVA-3: the earliest day of the next evaluation while a follow-up is open; null otherwise. */
    public LocalDate nextEvaluationOn() {
        return followUp != null && followUp.isOpen() ? followUp.earliestNext() : null;
    }

    /** The day dismissal became mandatory, for the figures; null unless it is. */
    public LocalDate mandatedOn() {
        return state() == State.DISMISSAL_MANDATED ? followUp.endedOn() : null;
    }

    public Optional<Evaluation> latest() {
        return evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    public Optional<Evaluation> evaluation(UUID evaluationId) {
        return evaluations.stream().filter(e -> e.id().equals(evaluationId)).findFirst();
    }

    /** What one evaluation does to the file: the file after it, the events it causes, and a note for the history. */
    private record Step(EvaluationFile file, List<OutgoingEvent<?>> events, String note) {
    }

    /** The rules of R-EVA-2 to R-EVA-4 and R-EVA-7's order, applied to one more evaluation. */
    private Step apply(Evaluation evaluation) {
        latest().ifPresent(last -> {
            if (!evaluation.evaluatedOn().isAfter(last.evaluatedOn())) {
                throw new RuleViolationException("R-EVA-7", "evaluation-out-of-order", "Evaluation out of order",
                        evaluation.evaluatedOn().equals(last.evaluatedOn())
                                ? "An evaluation held on " + last.evaluatedOn() + " is already recorded (" + last.id()
                                        + "); one a day: to change it, correct that one."
                                : "Evaluations are recorded in date order; the last one was held on " + last.evaluatedOn() + ".");
            }
        });
        boolean inFollowUp = followUp != null && followUp.isOpen();
        if (inFollowUp && evaluation.evaluatedOn().isBefore(followUp.earliestNext())) {
            throw new RuleViolationException("R-EVA-3", "evaluation-too-early", "Evaluation too early",
                    "In a follow-up, each evaluation is at least six months after the one before it: not before "
                            + followUp.earliestNext() + ".");
        }
        List<Evaluation> more = new ArrayList<>(evaluations);
        more.add(evaluation);
        boolean insufficient = evaluation.rating() == Rating.INSUFFICIENT;
        if (inFollowUp) {
            if (insufficient) {
                FollowUp counted = followUp.counted(FollowUp.Outcome.DISMISSAL_MANDATED, evaluation.evaluatedOn());
                return new Step(with(more, counted, proposal), List.of(event(EvaluationEvents.DISMISSAL_MANDATED,
                        new DismissalMandated(employeeId, lineManagerId, entity, evaluation.id().toString(), counted.evaluations()))),
                        "; dismissal mandatory (R-EVA-4)");
            }
            if (followUp.evaluations() + 1 == FollowUp.WATCHED) {
                FollowUp counted = followUp.counted(FollowUp.Outcome.CLOSED, evaluation.evaluatedOn());
                return new Step(with(more, counted, proposal), List.of(event(EvaluationEvents.FOLLOW_UP_CLOSED,
                        new FollowUpClosed(employeeId, lineManagerId, entity, evaluation.evaluatedOn()))), "; follow-up closed");
            }
            FollowUp counted = followUp.counted(FollowUp.Outcome.OPEN, evaluation.evaluatedOn());
            return new Step(with(more, counted, proposal), List.of(),
                    "; " + counted.evaluations() + " of " + FollowUp.WATCHED + " following evaluations, the next not before "
                            + counted.earliestNext());
        }
        if (insufficient && evaluation.specialCircumstances()) {
            DismissalProposal proposed = new DismissalProposal(evaluation.id(), evaluation.motivation(),
                    DismissalProposal.Status.PENDING, null);
            return new Step(withEarlierDecided().with(more, followUp, proposed), List.of(event(EvaluationEvents.DISMISSAL_PROPOSED,
                    new DismissalProposed(employeeId, lineManagerId, entity, evaluation.id().toString(), evaluation.motivation()))),
                    "; dismissal proposed for HR to decide (R-EVA-2)");
        }
        if (insufficient) {
            FollowUp opened = FollowUp.openedBy(evaluation);
            return new Step(with(more, opened, proposal), List.of(followUpOpened(opened)),
                    "; follow-up opened, next evaluation not before " + opened.earliestNext());
        }
        return new Step(with(more, followUp, proposal), List.of(), "");
    }

    /** The file the corrected sequence makes, keeping HR's rulings on proposals and the follow-up's guidance actions. */
    private EvaluationFile replay(List<Evaluation> sequence) {
        EvaluationFile file = new EvaluationFile(employeeId, lineManagerId, entity, contractType, List.of(), null, null,
                contractualDismissalOn, List.of());
        for (Evaluation e : sequence) {
            if (file.state() == State.DISMISSAL_MANDATED) {
                // nothing the later evaluations say changes a mandated dismissal
                List<Evaluation> more = new ArrayList<>(file.evaluations());
                more.add(e);
                file = file.with(more, file.followUp(), file.proposal());
                continue;
            }
            file = file.replayed(e);
            if (file.proposal() != null && file.proposal().isPending()) {
                Optional<DismissalProposal> ruling = rulingOn(file.proposal().evaluationId());
                if (ruling.isPresent()) {
                    file = file.ruled(ruling.get().status() == DismissalProposal.Status.DISMISSED, ruling.get().decisionMotivation());
                }
            }
        }
        FollowUp recomputed = file.followUp() == null ? null : file.followUp().keepingFrom(followUp);
        return file.with(file.evaluations(), recomputed, file.proposal()).keepingRulings(decidedProposals());
    }

    private Stream<DismissalProposal> allProposals() {
        return Stream.concat(earlierProposals.stream(), Stream.ofNullable(proposal));
    }

    private List<DismissalProposal> decidedProposals() {
        return allProposals().filter(p -> !p.isPending()).toList();
    }

    /**
     * The same file, still holding the rulings a correction set aside: a mandated dismissal makes no proposal of the
     * evaluations after it, and undoing that correction must bring their rulings back, not pending proposals.
     */
    private EvaluationFile keepingRulings(List<DismissalProposal> rulings) {
        Set<UUID> present = allProposals().map(DismissalProposal::evaluationId).collect(Collectors.toSet());
        List<DismissalProposal> kept = new ArrayList<>(earlierProposals);
        rulings.stream().filter(r -> !present.contains(r.evaluationId())).forEach(kept::add);
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, evaluations, followUp, proposal,
                contractualDismissalOn, kept);
    }

    /**
     * One evaluation of a corrected sequence. A rule that refuses it names it: the one refused is not the one HR
     * corrected, and without its date the refusal reads as if the correction itself were too early or out of order.
     */
    private EvaluationFile replayed(Evaluation e) {
        try {
            return apply(e).file();
        } catch (RuleViolationException refused) {
            throw new RuleViolationException(refused.ruleId().orElse(null), refused.slug(), refused.title(),
                    "Corrected so, the evaluation held on " + e.evaluatedOn() + " (" + e.id() + ") would break a rule: "
                            + refused.getMessage());
        }
    }

    /** HR's ruling on the proposal an evaluation made, if HR decided it. */
    private Optional<DismissalProposal> rulingOn(UUID evaluationId) {
        return decidedProposals().stream().filter(p -> p.evaluationId().equals(evaluationId)).findFirst();
    }

    /** The same file with its decided proposal, if any, among the earlier ones: a new proposal is about to take its place. */
    private EvaluationFile withEarlierDecided() {
        if (proposal == null || proposal.isPending()) {
            return this;
        }
        List<DismissalProposal> earlier = new ArrayList<>(earlierProposals);
        earlier.add(proposal);
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, evaluations, followUp, null,
                contractualDismissalOn, earlier);
    }

    /** HR's ruling on the pending proposal: dismissed, or a follow-up from the proposal's evaluation. */
    private EvaluationFile ruled(boolean dismissed, String motivation) {
        DismissalProposal decided = new DismissalProposal(proposal.evaluationId(), proposal.motivation(),
                dismissed ? DismissalProposal.Status.DISMISSED : DismissalProposal.Status.NOT_DISMISSED, motivation);
        return dismissed ? with(evaluations, followUp, decided) : with(evaluations, FollowUp.openedBy(proposalEvaluation()), decided);
    }

    private Evaluation proposalEvaluation() {
        return evaluation(proposal.evaluationId()).orElseThrow();
    }

    private void requireStillEvaluated() {
        State state = state();
        if (state == State.DISMISSED || state == State.DISMISSAL_MANDATED || state == State.CONTRACTUAL_DISMISSAL_RECORDED) {
            throw new ConflictException("evaluations-closed", "Evaluations closed",
                    "No further evaluations: " + describe(state) + ".");
        }
    }

    private static String describe(State state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    private OutgoingEvent<FollowUpOpened> followUpOpened(FollowUp opened) {
        return event(EvaluationEvents.FOLLOW_UP_OPENED, new FollowUpOpened(employeeId, lineManagerId, entity, opened.openedOn(),
                opened.earliestNext()));
    }

    private EvaluationFile with(List<Evaluation> newEvaluations, FollowUp newFollowUp, DismissalProposal newProposal) {
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, newEvaluations, newFollowUp, newProposal,
                contractualDismissalOn, earlierProposals);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, employeeId, payload);
    }
}
