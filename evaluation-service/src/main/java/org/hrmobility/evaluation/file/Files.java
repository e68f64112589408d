package org.hrmobility.evaluation.file;

import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/** How evaluation files are kept: one per employee (its id is the employee id), queried by these columns. */
final class Files {

    static final AggregateType<EvaluationFile> TYPE = AggregateType
            .builder("evaluation-file", "evaluation_file", EvaluationFile.class)
            .id(EvaluationFile::employeeId)
            .subject(EvaluationFile::employeeId)
            .column(Column.text("entity", EvaluationFile::entity))
            .column(Column.name("state", EvaluationFile::state))
            .column(Column.date("mandated_on", EvaluationFile::mandatedOn))
            .column(Column.date("reminder_due", EvaluationFile::reminderDue))
            .column(Column.date("earliest_next", EvaluationFile::nextEvaluationOn))
            .column(Column.textArray("evaluation_ids", f -> f.evaluations().stream().map(e -> e.id().toString()).toList()))
            .refresh((f, e) -> f.withEmployee(e.lineManagerId(), e.entity(), e.contractType()))
            .build();

    private Files() {
    }
}
