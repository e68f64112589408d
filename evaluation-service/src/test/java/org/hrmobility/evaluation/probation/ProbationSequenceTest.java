package org.hrmobility.evaluation.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrmobility.evaluation.probation.ProbationTest.HANA;
import static org.hrmobility.evaluation.probation.ProbationTest.NOW;
import static org.hrmobility.evaluation.probation.ProbationTest.corrected;
import static org.hrmobility.evaluation.probation.ProbationTest.held;
import static org.hrmobility.evaluation.probation.ProbationTest.started;

import java.util.List;

import org.hrmobility.evaluation.file.Evaluation;
import org.hrmobility.evaluation.file.Rating;
import org.hrmobility.kit.domain.ConflictException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbationSequenceTest {

    final Evaluation firstClosing = held("2027-02-20", Rating.GOOD);
    final Probation first = started("2026-09-01", 6).endWith(firstClosing, HANA, NOW).orElseThrow().next();

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: an earlier probation cannot run again once a later one started, even when that one has ended")
    void noSecondRunAfterALaterProbation() {
        Evaluation secondClosing = held("2027-08-20", Rating.GOOD);
        Probation second = started("2027-03-01", 6).endWith(secondClosing, HANA, NOW).orElseThrow().next();
        ProbationSequence sequence = new ProbationSequence(List.of(second, first));
        List<Evaluation> firstMovedEarly = List.of(corrected(firstClosing, "2027-01-10", Rating.GOOD), secondClosing);

        assertThatThrownBy(() -> sequence.reassess(first, firstMovedEarly, "held in January", HANA, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.slug()).isEqualTo("probation-running");
                    assertThat(e.getMessage()).contains("2026-09-01 to 2027-02-28");
                });
        assertThat(sequence.reassess(second, List.of(firstClosing, corrected(secondClosing, "2027-06-01", Rating.GOOD)),
                "held in June", HANA, NOW)).as("the latest probation may run again").hasValueSatisfying(d ->
                assertThat(d.next().isActive()).isTrue());
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: a probation keeps the evaluation that ended it, even one held after a later probation's backdated start")
    void keepsItsOwnClosingEvaluation() {
        Evaluation unrelated = held("2026-12-01", Rating.GOOD);
        Probation second = started("2027-02-01", 6);
        ProbationSequence sequence = new ProbationSequence(List.of(first, second));
        List<Evaluation> evaluations = List.of(corrected(unrelated, "2026-12-02", Rating.GOOD), firstClosing);

        assertThat(sequence.reassess(first, evaluations, "date typo", HANA, NOW)).as("nothing changes for the first").isEmpty();
        assertThat(sequence.closableBy(second, evaluations)).as("an evaluation that ended one probation closes no other")
                .extracting(Evaluation::id).doesNotContain(firstClosing.id());
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: an evaluation held after the next probation started belongs to that one")
    void laterEvaluationsBelongToTheNext() {
        Evaluation afterNextStarted = held("2027-03-05", Rating.INSUFFICIENT);
        Probation running = started("2026-09-01", 6);
        Probation second = started("2027-03-01", 6);
        ProbationSequence sequence = new ProbationSequence(List.of(running, second));

        assertThat(sequence.closableBy(running, List.of(afterNextStarted))).isEmpty();
        assertThat(sequence.closableBy(second, List.of(afterNextStarted))).containsExactly(afterNextStarted);
    }
}
