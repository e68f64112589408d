package org.hrmobility.evaluation.probation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.evaluation.ProbationCorrected;
import org.hrmobility.evaluation.file.Evaluation;
import org.hrmobility.evaluation.file.Rating;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.hrmobility.contracts.evaluation.ProbationEnded;
import org.hrmobility.kit.domain.Decision;

class ProbationTest {

    static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    static final Actor HANA = new Actor("hana", "E-0001");

    static Probation started(int months) {
        return started("2026-09-01", months);
    }

    static Probation started(String startsOn, int months) {
        return Probation.start(UUID.randomUUID(), "E-0007", "E-0006", "DEPT-WSE", true, LocalDate.parse(startsOn), months, HANA,
                NOW).next();
    }

    @ParameterizedTest(name = "{0} months")
    @ValueSource(ints = {5, 13, 0})
    @DisplayName("R-EVA-6: a manager's probation lasts 6 to 12 months")
    void length(int months) {
        assertThatThrownBy(() -> started(months))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-EVA-6"));
    }

    @Test
    @DisplayName("R-EVA-6: 6 and 12 months are allowed; 12 months from 1 September end on 31 August")
    void bounds() {
        assertThat(started(6).endsOn()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(started(12).endsOn()).isEqualTo(LocalDate.parse("2027-08-31"));
    }

    @Test
    @DisplayName("R-EVA-6: a probation from a month's last days runs its whole months: a missing anniversary falls on the day after")
    void monthEnds() {
        assertThat(started("2026-08-31", 6).endsOn()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(started("2026-03-31", 6).endsOn()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(started("2028-02-29", 12).endsOn()).isEqualTo(LocalDate.parse("2029-02-28"));
        assertThat(started("2026-03-15", 6).endsOn()).isEqualTo(LocalDate.parse("2026-09-14"));
    }

    @Test
    @DisplayName("R-EVA-6: reminded a month before the end, once; ended by the evaluation held at the end")
    void reminderAndEnd() {
        Probation p = started(12);

        assertThat(p.remindIfDue(LocalDate.parse("2027-07-30"), NOW)).isEmpty();
        Probation reminded = p.remindIfDue(LocalDate.parse("2027-07-31"), NOW).orElseThrow().next();
        assertThat(reminded.remindIfDue(LocalDate.parse("2027-08-15"), NOW)).isEmpty();
        assertThat(reminded.endWith(held("2027-03-01", Rating.GOOD), HANA, NOW)).isEmpty();
        Evaluation closing = held("2027-08-30", Rating.GOOD);
        Probation ended = reminded.endWith(closing, HANA, NOW).orElseThrow().next();
        assertThat(ended.isActive()).isFalse();
        assertThat(ended.endRating()).isEqualTo(Rating.GOOD);
        assertThat(ended.outcome()).isEqualTo(Probation.Outcome.PASSED);
        assertThat(ended.endedBy()).isEqualTo(closing.id());
    }

    @Test
    @DisplayName("R-EVA-6: an INSUFFICIENT evaluation at the end ends the probation as failed")
    void failed() {
        Decision<Probation> d = started(6).endWith(held("2027-02-20", Rating.INSUFFICIENT), HANA, NOW).orElseThrow();

        assertThat(d.next().isActive()).isFalse();
        assertThat(d.next().outcome()).isEqualTo(Probation.Outcome.FAILED);
        assertThat(((ProbationEnded) d.events().get(0).payload()).outcome()).isEqualTo("FAILED");
    }

    @Test
    @DisplayName("R-EVA-6: a probation is for managers only")
    void managersOnly() {
        assertThatThrownBy(() -> Probation.start(UUID.randomUUID(), "E-0003", "E-0002", "DEPT-WSE", false,
                LocalDate.parse("2026-09-01"), 6, HANA, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.ruleId()).contains("R-EVA-6");
                    assertThat(e.slug()).isEqualTo("not-a-manager");
                });
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: correcting the closing evaluation's rating corrects the outcome, and says so")
    void correctedOutcome() {
        Evaluation closing = held("2027-02-20", Rating.GOOD);
        Decision<Probation> d = reassessedAfter(closing, "2027-02-20", Rating.INSUFFICIENT, "wrong box ticked");

        assertThat(d.next().outcome()).isEqualTo(Probation.Outcome.FAILED);
        assertThat(d.next().endRating()).isEqualTo(Rating.INSUFFICIENT);
        assertThat(d.next().isActive()).isFalse();
        ProbationCorrected told = (ProbationCorrected) d.events().get(0).payload();
        assertThat(told.outcome()).isEqualTo("FAILED");
        assertThat(told.rating()).isEqualTo("INSUFFICIENT");
        assertThat(told.evaluationId()).isEqualTo(closing.id().toString());
        assertThat(told.reason()).isEqualTo("wrong box ticked");
        assertThat(d.history().action()).isEqualTo("probation outcome corrected: GOOD, passed becomes INSUFFICIENT, failed");
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: a closing evaluation moved before the probation's last month no longer ends it: it runs again")
    void runsAgain() {
        Decision<Probation> d = reassessedAfter(held("2027-02-20", Rating.INSUFFICIENT), "2027-01-20", Rating.INSUFFICIENT,
                "held in January");

        assertThat(d.next().isActive()).isTrue();
        assertThat(d.next().outcome()).isNull();
        assertThat(d.next().endedBy()).isNull();
        ProbationCorrected told = (ProbationCorrected) d.events().get(0).payload();
        assertThat(told.outcome()).isEqualTo("RUNNING");
        assertThat(told.rating()).isNull();
        assertThat(told.endsOn()).isEqualTo(LocalDate.parse("2027-02-28"));
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: an evaluation corrected into the last month ends a running probation; an earlier one in it takes over")
    void correctedIntoTheLastMonth() {
        Evaluation january = held("2027-01-20", Rating.GOOD);
        Decision<Probation> ended = started(6).reassess(List.of(corrected(january, "2027-02-01", Rating.GOOD)), "held in February",
                HANA, NOW).orElseThrow();
        assertThat(ended.next().outcome()).isEqualTo(Probation.Outcome.PASSED);
        assertThat(ended.events().get(0).payload()).isInstanceOf(ProbationEnded.class);
        assertThat(ended.history().detail()).as("the correction's reason is in the history").isEqualTo("held in February");

        Evaluation late = held("2027-02-25", Rating.INSUFFICIENT);
        Probation failed = started(6).endWith(late, HANA, NOW).orElseThrow().next();
        Decision<Probation> takenOver = failed.reassess(List.of(corrected(january, "2027-02-01", Rating.GOOD), late), "held in February",
                HANA, NOW).orElseThrow();
        assertThat(takenOver.next().outcome()).isEqualTo(Probation.Outcome.PASSED);
        assertThat(takenOver.next().endedBy()).isEqualTo(january.id());
    }

    @Test
    @DisplayName("R-COR-1 on R-EVA-6: a correction that leaves the closing evaluation and its rating as they were changes nothing")
    void unchanged() {
        Evaluation closing = held("2027-02-20", Rating.GOOD);
        Probation passed = started(6).endWith(closing, HANA, NOW).orElseThrow().next();

        assertThat(passed.reassess(List.of(held("2026-10-01", Rating.INSUFFICIENT), corrected(closing, "2027-02-21", Rating.GOOD)),
                "date typo", HANA, NOW)).isEmpty();
        assertThat(started(6).reassess(List.of(held("2026-12-01", Rating.GOOD)), "date typo", HANA, NOW)).isEmpty();
    }

    /** The probation its closing evaluation ended, reassessed with that evaluation corrected to this day and rating. */
    private static Decision<Probation> reassessedAfter(Evaluation closing, String on, Rating rating, String reason) {
        Probation ended = started(6).endWith(closing, HANA, NOW).orElseThrow().next();
        return ended.reassess(List.of(corrected(closing, on, rating)), reason, HANA, NOW).orElseThrow();
    }

    static Evaluation held(String on, Rating rating) {
        LocalDate day = LocalDate.parse(on);
        return new Evaluation(UUID.randomUUID(), day.minusMonths(6), day, day, rating, false, null, "E-0006");
    }

    static Evaluation corrected(Evaluation e, String on, Rating rating) {
        LocalDate day = LocalDate.parse(on);
        return e.corrected(rating, day.minusMonths(6), day, day);
    }
}
