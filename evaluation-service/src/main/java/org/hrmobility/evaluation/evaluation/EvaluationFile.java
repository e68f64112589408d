package org.hrmobility.evaluation.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.evaluation.ContractualDismissalRecorded;
import org.hrmobility.contracts.evaluation.DismissalMandated;
import org.hrmobility.contracts.evaluation.DismissalProposalDecided;
import org.hrmobility.contracts.evaluation.DismissalProposed;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.evaluation.EvaluationRecorded;
import org.hrmobility.contracts.evaluation.FollowUpClosed;
import org.hrmobility.contracts.evaluation.FollowUpEvaluationDue;
import org.hrmobility.contracts.evaluation.FollowUpOpened;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.RuleViolationException;

/**
 * An employee's evaluations and the professional-incompetence follow-up: the state machine of R-EVA-2 to
 * R-EVA-5. Immutable; each decision returns the file after it, its events and its history line.
 */
public record EvaluationFile(String employeeId, String lineManagerId, String entity, ContractType contractType,
                             List<Evaluation> evaluations, FollowUp followUp, DismissalProposal proposal,
                             LocalDate contractualDismissalOn, int version) {

    public enum State {
        NONE, FOLLOW_UP_OPEN, FOLLOW_UP_CLOSED, DISMISSAL_PROPOSED, DISMISSED, DISMISSAL_MANDATED, CONTRACTUAL_DISMISSAL_RECORDED
    }

    public EvaluationFile {
        evaluations = List.copyOf(evaluations);
    }

    public static EvaluationFile empty(String employeeId, String lineManagerId, String entity, ContractType contractType) {
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, List.of(), null, null, null, 0);
    }

    /** The same file with the employee's current master data, which events carry. */
    public EvaluationFile withEmployee(String currentLineManager, String currentEntity, ContractType currentContract) {
        return new EvaluationFile(employeeId, currentLineManager, currentEntity, currentContract, evaluations, followUp, proposal,
                contractualDismissalOn, version);
    }

    public EvaluationFile withVersion(int storedVersion) {
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, evaluations, followUp, proposal,
                contractualDismissalOn, storedVersion);
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
     * Records an evaluation. R-EVA-3: inside a follow-up, not before its earliest next date. Evaluations are
     * recorded in the order they were held. R-EVA-2/3: a first INSUFFICIENT opens a follow-up, or with special
     * circumstances a dismissal proposal. R-EVA-4: within the four following ones, another INSUFFICIENT
     * mandates dismissal; four without close the follow-up.
     */
    public Decision<EvaluationFile> record(Evaluation evaluation, Actor by, Instant now) {
        requireStillEvaluated();
        if (proposal != null && proposal.isPending()) {
            throw new ConflictException("R-EVA-2", "dismissal-proposal-pending", "Dismissal proposal pending",
                    "HR decides the dismissal proposal before the next evaluation is recorded.");
        }
        latest().ifPresent(last -> {
            if (!evaluation.evaluatedOn().isAfter(last.evaluatedOn())) {
                throw new RuleViolationException("R-EVA-4", "evaluation-out-of-order", "Evaluation out of order",
                        "Evaluations are recorded in the order they are held; the last one was held on " + last.evaluatedOn() + ".");
            }
        });
        boolean inFollowUp = followUp != null && followUp.isOpen();
        if (inFollowUp && evaluation.evaluatedOn().isBefore(followUp.earliestNext())) {
            throw new RuleViolationException("R-EVA-3", "evaluation-too-early", "Evaluation too early",
                    "After an INSUFFICIENT the next evaluation is at least six months later: not before " + followUp.earliestNext() + ".");
        }
        List<Evaluation> more = new ArrayList<>(evaluations);
        more.add(evaluation);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(EvaluationEvents.EVALUATION_RECORDED, new EvaluationRecorded(employeeId, lineManagerId, entity,
                evaluation.id().toString(), evaluation.periodFrom(), evaluation.periodTo(), evaluation.evaluatedOn(),
                evaluation.rating().name(), evaluation.specialCircumstances())));
        String action = "evaluation recorded: " + evaluation.rating();
        boolean insufficient = evaluation.rating() == Rating.INSUFFICIENT;
        EvaluationFile next;
        if (inFollowUp) {
            FollowUp counted;
            if (insufficient) {
                counted = followUp.counted(FollowUp.Outcome.DISMISSAL_MANDATED, evaluation.evaluatedOn());
                events.add(event(EvaluationEvents.DISMISSAL_MANDATED, new DismissalMandated(employeeId, lineManagerId, entity,
                        evaluation.id().toString(), counted.evaluations())));
                action += "; dismissal mandatory (R-EVA-4)";
            } else if (followUp.evaluations() + 1 == FollowUp.WATCHED) {
                counted = followUp.counted(FollowUp.Outcome.CLOSED, evaluation.evaluatedOn());
                events.add(event(EvaluationEvents.FOLLOW_UP_CLOSED, new FollowUpClosed(employeeId, lineManagerId, entity,
                        evaluation.evaluatedOn())));
                action += "; follow-up closed";
            } else {
                counted = followUp.counted(FollowUp.Outcome.OPEN, evaluation.evaluatedOn());
            }
            next = with(more, counted, proposal);
        } else if (insufficient && evaluation.specialCircumstances()) {
            next = with(more, followUp, new DismissalProposal(evaluation.id(), evaluation.motivation(),
                    DismissalProposal.Status.PENDING, null));
            events.add(event(EvaluationEvents.DISMISSAL_PROPOSED, new DismissalProposed(employeeId, lineManagerId, entity,
                    evaluation.id().toString(), evaluation.motivation())));
            action += "; dismissal proposed for HR to decide (R-EVA-2)";
        } else if (insufficient) {
            FollowUp opened = FollowUp.openedBy(evaluation.evaluatedOn());
            next = with(more, opened, proposal);
            events.add(followUpOpened(opened));
            action += "; follow-up opened, next evaluation not before " + opened.earliestNext();
        } else {
            next = with(more, followUp, proposal);
        }
        return new Decision<>(next, events, by.did(now, action, evaluation.motivation()));
    }

    /** R-EVA-2: HR decides the proposal; not dismissed, the employee goes on in a follow-up. */
    public Decision<EvaluationFile> decideProposal(boolean dismissed, String motivation, Actor by, Instant now) {
        if (proposal == null || !proposal.isPending()) {
            throw new ConflictException("no-pending-proposal", "No pending dismissal proposal",
                    "There is no dismissal proposal waiting for a decision.");
        }
        DismissalProposal decided = new DismissalProposal(proposal.evaluationId(), proposal.motivation(),
                dismissed ? DismissalProposal.Status.DISMISSED : DismissalProposal.Status.NOT_DISMISSED, motivation);
        List<OutgoingEvent<?>> events = new ArrayList<>();
        events.add(event(EvaluationEvents.DISMISSAL_PROPOSAL_DECIDED, new DismissalProposalDecided(employeeId, lineManagerId,
                entity, dismissed, motivation)));
        if (dismissed) {
            return new Decision<>(with(evaluations, followUp, decided), events, by.did(now, "dismissed (R-EVA-2)", motivation));
        }
        FollowUp opened = FollowUp.openedBy(proposalEvaluation().evaluatedOn());
        events.add(followUpOpened(opened));
        return new Decision<>(with(evaluations, opened, decided), events,
                by.did(now, "not dismissed; follow-up opened, next evaluation not before " + opened.earliestNext(), motivation));
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
                effectiveOn, version);
        return new Decision<>(next, List.of(event(EvaluationEvents.CONTRACTUAL_DISMISSAL_RECORDED,
                new ContractualDismissalRecorded(employeeId, lineManagerId, entity, effectiveOn, reason))),
                by.did(now, "contractual dismissal recorded (R-EVA-5), effective " + effectiveOn, reason));
    }

    /** R-EVA-3: a month before the follow-up's earliest next evaluation, once, a reminder. */
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

    public Optional<Evaluation> latest() {
        return evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    private Evaluation proposalEvaluation() {
        return evaluations.stream().filter(e -> e.id().equals(proposal.evaluationId())).findFirst().orElseThrow();
    }

    private void requireStillEvaluated() {
        State state = state();
        if (state == State.DISMISSED || state == State.DISMISSAL_MANDATED || state == State.CONTRACTUAL_DISMISSAL_RECORDED) {
            throw new ConflictException("evaluations-closed", "Evaluations closed",
                    "No further evaluations: " + state.name().toLowerCase().replace('_', ' ') + ".");
        }
    }

    private OutgoingEvent<FollowUpOpened> followUpOpened(FollowUp opened) {
        return event(EvaluationEvents.FOLLOW_UP_OPENED, new FollowUpOpened(employeeId, lineManagerId, entity, opened.openedOn(),
                opened.earliestNext()));
    }

    private EvaluationFile with(List<Evaluation> newEvaluations, FollowUp newFollowUp, DismissalProposal newProposal) {
        return new EvaluationFile(employeeId, lineManagerId, entity, contractType, newEvaluations, newFollowUp, newProposal,
                contractualDismissalOn, version);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, employeeId, payload);
    }
}
