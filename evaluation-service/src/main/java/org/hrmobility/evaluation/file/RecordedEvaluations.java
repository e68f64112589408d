package org.hrmobility.evaluation.file;

import java.util.List;

import org.hrmobility.kit.domain.Actor;

import reactor.core.publisher.Mono;

/**
 * What else an evaluation ends, in the transaction that records or corrects it: a manager's probation (R-EVA-6,
 * R-COR-1).
 */
public interface RecordedEvaluations {

    Mono<Void> recorded(String employeeId, Evaluation evaluation, Actor by);

    /** HR corrected one of the employee's evaluations; {@code evaluations} are all of them as they now stand. */
    Mono<Void> corrected(String employeeId, List<Evaluation> evaluations, String reason, Actor by);
}
