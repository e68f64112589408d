package org.hrmobility.evaluation.file;

import org.hrmobility.kit.domain.Actor;

import reactor.core.publisher.Mono;

/** What else an evaluation ends, in the transaction that records it: a manager's probation (R-EVA-6). */
public interface RecordedEvaluations {

    Mono<Void> recorded(String employeeId, Evaluation evaluation, Actor by);
}
