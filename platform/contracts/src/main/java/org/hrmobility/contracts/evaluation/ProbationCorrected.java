package org.hrmobility.contracts.evaluation;

import java.time.LocalDate;

/**
 * HR corrected an evaluation, and with it how a probation ended (R-COR-1 on R-EVA-6): {@code outcome} PASSED or FAILED
 * with the {@code rating} of the evaluation that now closes it, or RUNNING (no rating) when no evaluation is held from
 * a month before its end any more, so the probation runs again and its closing evaluation is due by {@code endsOn}.
 */
public record ProbationCorrected(
        String employeeId,
        String lineManagerId,
        String entity,
        String probationId,
        LocalDate endsOn,
        String evaluationId,
        String rating,
        String outcome,
        String reason) {
}
