package org.hrmobility.contracts.evaluation;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** The decisions of the evaluation service, on {@code hrm.evaluation.events}, keyed by employee id. */
public final class EvaluationEvents {

    public static final String CONTEXT = "evaluation";

    public static final EventType<EvaluationRecorded> EVALUATION_RECORDED =
            type("EvaluationRecorded", EvaluationRecorded.class);
    public static final EventType<FollowUpOpened> FOLLOW_UP_OPENED = type("FollowUpOpened", FollowUpOpened.class);
    public static final EventType<FollowUpEvaluationDue> FOLLOW_UP_EVALUATION_DUE =
            type("FollowUpEvaluationDue", FollowUpEvaluationDue.class);
    public static final EventType<DismissalProposed> DISMISSAL_PROPOSED =
            type("DismissalProposed", DismissalProposed.class);
    public static final EventType<DismissalProposalDecided> DISMISSAL_PROPOSAL_DECIDED =
            type("DismissalProposalDecided", DismissalProposalDecided.class);
    public static final EventType<DismissalMandated> DISMISSAL_MANDATED =
            type("DismissalMandated", DismissalMandated.class);
    public static final EventType<FollowUpClosed> FOLLOW_UP_CLOSED = type("FollowUpClosed", FollowUpClosed.class);
    public static final EventType<ContractualDismissalRecorded> CONTRACTUAL_DISMISSAL_RECORDED =
            type("ContractualDismissalRecorded", ContractualDismissalRecorded.class);
    public static final EventType<ProbationStarted> PROBATION_STARTED =
            type("ProbationStarted", ProbationStarted.class);
    public static final EventType<ProbationEndingSoon> PROBATION_ENDING_SOON =
            type("ProbationEndingSoon", ProbationEndingSoon.class);
    public static final EventType<ProbationEnded> PROBATION_ENDED = type("ProbationEnded", ProbationEnded.class);
    public static final EventType<ProbationCorrected> PROBATION_CORRECTED =
            type("ProbationCorrected", ProbationCorrected.class);
    public static final EventType<EvaluationCorrected> EVALUATION_CORRECTED =
            type("EvaluationCorrected", EvaluationCorrected.class);
    public static final EventType<DismissalMandateLifted> DISMISSAL_MANDATE_LIFTED =
            type("DismissalMandateLifted", DismissalMandateLifted.class);

    public static final List<EventType<?>> ALL = List.of(
            EVALUATION_RECORDED, FOLLOW_UP_OPENED, FOLLOW_UP_EVALUATION_DUE, DISMISSAL_PROPOSED,
            DISMISSAL_PROPOSAL_DECIDED, DISMISSAL_MANDATED, FOLLOW_UP_CLOSED, CONTRACTUAL_DISMISSAL_RECORDED,
            PROBATION_STARTED, PROBATION_ENDING_SOON, PROBATION_ENDED, PROBATION_CORRECTED, EVALUATION_CORRECTED,
            DISMISSAL_MANDATE_LIFTED);

    private EvaluationEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> payload) {
        return EventType.of(CONTEXT, name, 1, Topics.EVALUATION_EVENTS, payload);
    }
}
