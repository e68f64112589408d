package org.hrmobility.evaluation.file;

import java.util.UUID;

/** R-EVA-2: a dismissal proposal after a first INSUFFICIENT in special circumstances, for HR to decide. */
public record DismissalProposal(UUID evaluationId, String motivation, Status status, String decisionMotivation) {

    public enum Status {
        PENDING, DISMISSED, NOT_DISMISSED
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
