package org.hrmobility.evaluation.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluationFileTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Actor LARS = new Actor("lars", "E-0002");
    static final Actor HANA = new Actor("hana", "E-0001");
    /** A day after every evaluation of these tests: R-EVA-7's "held by today" is tested on its own. */
    static final LocalDate TODAY = LocalDate.parse("2030-01-01");

    static EvaluationFile file(ContractType contract) {
        return EvaluationFile.empty("E-0004", "E-0002", "DEPT-WSE", contract);
    }

    static Evaluation evaluation(String day, Rating rating) {
        LocalDate on = LocalDate.parse(day);
        return new Evaluation(UUID.randomUUID(), on.minusYears(1), on, on, rating, false, null, "lars");
    }

    static Evaluation special(String day) {
        LocalDate on = LocalDate.parse(day);
        return new Evaluation(UUID.randomUUID(), on.minusYears(1), on, on, Rating.INSUFFICIENT, true, "no goodwill at all", "lars");
    }

    static EvaluationFile recordAll(EvaluationFile file, Evaluation... evaluations) {
        for (Evaluation e : evaluations) {
            file = file.record(e, LARS, NOW, TODAY).next();
        }
        return file;
    }

    static List<String> types(Decision<?> d) {
        return d.events().stream().map(OutgoingEvent::type).map(t -> t.name()).toList();
    }

    @Nested
    class Ratings {

        @Test
        @DisplayName("R-EVA-1: an evaluation records a rating for a period, and is an event")
        void recorded() {
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(evaluation("2026-06-30", Rating.GOOD), LARS, NOW, TODAY);

            assertThat(d.next().evaluations()).hasSize(1);
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.NONE);
            assertThat(types(d)).containsExactly("EvaluationRecorded");
        }

        @Test
        @DisplayName("R-EVA-2: special circumstances without INSUFFICIENT and a written motivation are malformed")
        void malformed() {
            LocalDate d = LocalDate.parse("2026-06-30");
            assertThatThrownBy(() -> new Evaluation(UUID.randomUUID(), d.minusYears(1), d, d, Rating.GOOD, true, "m", "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Evaluation(UUID.randomUUID(), d.minusYears(1), d, d, Rating.INSUFFICIENT, true, " ", "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("R-EVA-7: evaluations of one person are recorded in date order; a second one on the same day is pointed to the correction")
        void outOfOrder() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-06-30", Rating.GOOD));

            assertThatThrownBy(() -> f.record(evaluation("2026-05-31", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.slug()).isEqualTo("evaluation-out-of-order");
                        assertThat(e.ruleId()).contains("R-EVA-7");
                    });
            assertThatThrownBy(() -> f.record(evaluation("2026-06-30", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOf(RuleViolationException.class)
                    .hasMessage("An evaluation held on 2026-06-30 is already recorded (" + f.latest().orElseThrow().id()
                            + "); one a day: to change it, correct that one.");
        }
    }

    @Nested
    class Dates {

        @Test
        @DisplayName("R-EVA-7: an evaluation is held on or before the day it is recorded; today is fine, tomorrow is refused")
        void postDated() {
            LocalDate today = LocalDate.parse("2026-11-27");

            assertThatThrownBy(() -> file(ContractType.STATUTORY).record(evaluation("2026-11-28", Rating.GOOD), LARS, NOW, today))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-EVA-7");
                        assertThat(e.slug()).isEqualTo("evaluation-post-dated");
                    });
            assertThat(file(ContractType.STATUTORY).record(evaluation("2026-11-27", Rating.GOOD), LARS, NOW, today).next()
                    .evaluations()).hasSize(1);
        }

        @Test
        @DisplayName("R-EVA-7: the period ends on or before the evaluation day and starts before it ends")
        void period() {
            LocalDate on = LocalDate.parse("2026-06-30");
            Evaluation endsAfter = new Evaluation(UUID.randomUUID(), on.minusYears(1), on.plusDays(1), on, Rating.GOOD, false, null, "l");
            Evaluation empty = new Evaluation(UUID.randomUUID(), on.minusDays(1), on.minusDays(1), on, Rating.GOOD, false, null, "l");
            Evaluation endingThatDay = new Evaluation(UUID.randomUUID(), on.minusYears(1), on, on, Rating.GOOD, false, null, "l");

            assertThatThrownBy(() -> file(ContractType.STATUTORY).record(endsAfter, LARS, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("period-after-evaluation"));
            assertThatThrownBy(() -> file(ContractType.STATUTORY).record(empty, LARS, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("period-empty"));
            assertThat(file(ContractType.STATUTORY).record(endingThatDay, LARS, NOW, TODAY).next().evaluations()).hasSize(1);
        }

        @Test
        @DisplayName("R-EVA-3 and R-EVA-7: four quick GOOD evaluations after an INSUFFICIENT cannot close the follow-up (the case seen on 27 November 2026)")
        void noShortcutThroughTheFollowUp() {
            LocalDate today = LocalDate.parse("2026-11-27");
            EvaluationFile f = file(ContractType.STATUTORY).record(evaluation("2026-08-31", Rating.INSUFFICIENT), LARS, NOW, today).next();

            assertThatThrownBy(() -> f.record(evaluation("2027-03-01", Rating.GOOD), LARS, NOW, today))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-EVA-7"));
            EvaluationFile first = f.record(evaluation("2027-03-01", Rating.GOOD), LARS, NOW, TODAY).next();
            assertThatThrownBy(() -> first.record(evaluation("2027-03-02", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-EVA-3");
                        assertThat(e.getMessage()).contains("2027-09-01");
                    });
            assertThat(first.state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
        }
    }

    @Nested
    class Corrections {

        private EvaluationFile mandated(Evaluation second) {
            return recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), second);
        }

        @Test
        @DisplayName("R-COR-1: correcting the second INSUFFICIENT to SUFFICIENT lifts the mandated dismissal; the follow-up goes on")
        void liftsMandate() {
            Evaluation second = evaluation("2027-03-31", Rating.INSUFFICIENT);
            EvaluationFile f = mandated(second);
            assertThat(f.state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);

            Decision<EvaluationFile> d = f.correct(second.id(), Rating.SUFFICIENT, second.periodFrom(), second.periodTo(),
                    second.evaluatedOn(), "typing error in the rating", HANA, NOW, TODAY);

            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
            assertThat(d.next().followUp().evaluations()).isEqualTo(2);
            assertThat(types(d)).containsExactly("EvaluationCorrected", "DismissalMandateLifted", "FollowUpOpened");
            assertThat(d.history().detail()).isEqualTo("typing error in the rating");
            assertThat(d.history().action()).isEqualTo("evaluation of 2027-03-31 corrected: INSUFFICIENT to SUFFICIENT; "
                    + "dismissal mandated becomes follow up open");
        }

        @Test
        @DisplayName("R-COR-1: the history names what a correction changed, and only that")
        void historyNamesTheChange() {
            Evaluation second = evaluation("2027-03-31", Rating.INSUFFICIENT);
            Decision<EvaluationFile> d = mandated(second).correct(second.id(), Rating.INSUFFICIENT, second.periodFrom(),
                    second.periodTo(), LocalDate.parse("2027-04-01"), "date typo", HANA, NOW, TODAY);

            assertThat(d.history().action()).isEqualTo("evaluation of 2027-03-31 corrected: held on 2027-04-01; dismissal mandated");
        }

        @Test
        @DisplayName("R-COR-1: correcting the INSUFFICIENT that opened the follow-up recomputes it away")
        void removesFollowUp() {
            Evaluation opener = evaluation("2026-01-31", Rating.INSUFFICIENT);
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), opener, evaluation("2026-08-31", Rating.GOOD));

            Decision<EvaluationFile> d = f.correct(opener.id(), Rating.GOOD, opener.periodFrom(), opener.periodTo(), opener.evaluatedOn(),
                    "wrong employee's report", HANA, NOW, TODAY);

            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.NONE);
            assertThat(types(d)).containsExactly("EvaluationCorrected", "FollowUpClosed");
        }

        @Test
        @DisplayName("R-COR-1: a correction that puts INSUFFICIENT into the four following evaluations mandates dismissal")
        void newMandate() {
            Evaluation second = evaluation("2027-03-31", Rating.GOOD);
            EvaluationFile f = mandated(second);

            Decision<EvaluationFile> d = f.correct(second.id(), Rating.INSUFFICIENT, second.periodFrom(), second.periodTo(),
                    second.evaluatedOn(), "the signed report says INSUFFICIENT", HANA, NOW, TODAY);

            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
            assertThat(types(d)).containsExactly("EvaluationCorrected", "DismissalMandated");
        }

        @Test
        @DisplayName("R-COR-1: corrected dates must still keep the rules: six months apart in a follow-up, in date order, not post-dated")
        void datesKeepTheRules() {
            Evaluation second = evaluation("2026-08-31", Rating.GOOD);
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT), second);

            assertThatThrownBy(() -> f.correct(second.id(), Rating.GOOD, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"),
                    LocalDate.parse("2026-03-31"), "date", HANA, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-EVA-3"));
            assertThatThrownBy(() -> f.correct(second.id(), Rating.GOOD, LocalDate.parse("2031-01-01"), LocalDate.parse("2031-03-31"),
                    LocalDate.parse("2031-03-31"), "date", HANA, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-EVA-7"));
        }

        @Test
        @DisplayName("R-COR-1: a correction the later evaluations cannot follow names the evaluation that breaks the rule")
        void refusalNamesTheEvaluation() {
            Evaluation first = evaluation("2026-01-31", Rating.GOOD);
            Evaluation second = evaluation("2026-04-30", Rating.GOOD);
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), first, second);

            assertThatThrownBy(() -> f.correct(first.id(), Rating.INSUFFICIENT, first.periodFrom(), first.periodTo(), first.evaluatedOn(),
                    "the signed report says INSUFFICIENT", HANA, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-EVA-3");
                        assertThat(e.getMessage()).startsWith("Corrected so, the evaluation held on 2026-04-30 (" + second.id()
                                + ") would break a rule: In a follow-up");
                    });
        }

        @Test
        @DisplayName("R-COR-1: a follow-up recomputed from the same INSUFFICIENT keeps its guidance actions")
        void keepsGuidance() {
            Evaluation opener = evaluation("2026-01-31", Rating.INSUFFICIENT);
            Evaluation second = evaluation("2026-08-31", Rating.GOOD);
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), opener, second)
                    .recordGuidanceAction("monthly talk", LARS, NOW).next();

            EvaluationFile corrected = f.correct(second.id(), Rating.SUFFICIENT, second.periodFrom(), second.periodTo(),
                    second.evaluatedOn(), "rating", HANA, NOW, TODAY).next();

            assertThat(corrected.followUp().guidanceActions()).containsExactly("monthly talk");
        }

        @Test
        @DisplayName("R-COR-1 on R-EVA-2: a correction replays HR's ruling on every dismissal proposal of the file, not only the last")
        void everyRulingReplayed() {
            Evaluation firstSpecial = special("2026-01-31");
            Evaluation good = evaluation("2026-08-31", Rating.GOOD);
            EvaluationFile f = file(ContractType.STATUTORY).record(firstSpecial, LARS, NOW, TODAY).next()
                    .decideProposal(false, "one more chance", HANA, NOW).next();
            f = recordAll(f, good, evaluation("2027-02-28", Rating.GOOD), evaluation("2027-08-31", Rating.GOOD),
                    evaluation("2028-02-29", Rating.GOOD), special("2028-06-30"));
            f = f.decideProposal(false, "a second chance", HANA, NOW).next();
            assertThat(f.state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);

            Decision<EvaluationFile> d = f.correct(good.id(), Rating.VERY_GOOD, good.periodFrom(), good.periodTo(), good.evaluatedOn(),
                    "typo", HANA, NOW, TODAY);

            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
            assertThat(d.next().followUp().openedOn()).isEqualTo(LocalDate.parse("2028-06-30"));
            assertThat(d.next().earlierProposals()).singleElement().satisfies(p -> {
                assertThat(p.evaluationId()).isEqualTo(firstSpecial.id());
                assertThat(p.status()).isEqualTo(DismissalProposal.Status.NOT_DISMISSED);
                assertThat(p.decisionMotivation()).isEqualTo("one more chance");
            });
            assertThat(d.next().proposal().decisionMotivation()).isEqualTo("a second chance");
            assertThat(types(d)).containsExactly("EvaluationCorrected");
        }

        @Test
        @DisplayName("R-COR-1 on R-EVA-2: a ruling set aside by a correction that mandated dismissal comes back when that correction is undone")
        void rulingSurvivesAnUndoneCorrection() {
            Evaluation good = evaluation("2026-08-31", Rating.GOOD);
            EvaluationFile f = file(ContractType.STATUTORY).record(special("2026-01-31"), LARS, NOW, TODAY).next()
                    .decideProposal(false, "one more chance", HANA, NOW).next();
            f = recordAll(f, good, evaluation("2027-02-28", Rating.GOOD), evaluation("2027-08-31", Rating.GOOD),
                    evaluation("2028-02-29", Rating.GOOD), special("2028-06-30"));
            f = f.decideProposal(false, "a second chance", HANA, NOW).next();

            EvaluationFile mandated = f.correct(good.id(), Rating.INSUFFICIENT, good.periodFrom(), good.periodTo(), good.evaluatedOn(),
                    "the signed report says INSUFFICIENT", HANA, NOW, TODAY).next();
            assertThat(mandated.state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
            Decision<EvaluationFile> undone = mandated.correct(good.id(), Rating.GOOD, good.periodFrom(), good.periodTo(),
                    good.evaluatedOn(), "the report was of someone else", HANA, NOW, TODAY);

            assertThat(undone.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
            assertThat(undone.next().proposal().decisionMotivation()).isEqualTo("a second chance");
            assertThat(types(undone)).doesNotContain("DismissalProposed");
        }

        @Test
        @DisplayName("R-COR-1: a decided dismissal is not recomputed by a correction")
        void notAfterDismissal() {
            Evaluation special = special("2026-06-30");
            EvaluationFile dismissed = file(ContractType.STATUTORY).record(special, LARS, NOW, TODAY).next()
                    .decideProposal(true, "confirmed", HANA, NOW).next();

            assertThatThrownBy(() -> dismissed.correct(special.id(), Rating.GOOD, special.periodFrom(), special.periodTo(),
                    special.evaluatedOn(), "no", HANA, NOW, TODAY)).isInstanceOf(ConflictException.class);
        }
    }

    @Nested
    class FollowUps {

        @Test
        @DisplayName("R-EVA-3: an INSUFFICIENT opens a follow-up; the next evaluation is at least six months later")
        void opens() {
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(evaluation("2026-03-15", Rating.INSUFFICIENT), LARS, NOW, TODAY);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpOpened");
            assertThat(d.next().followUp().earliestNext()).isEqualTo(LocalDate.parse("2026-09-15"));
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
        }

        @Test
        @DisplayName("R-EVA-3: six months counted from the evaluation date: 31 August + 6 months is the last day of February")
        void monthEnd() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-08-31", Rating.INSUFFICIENT));

            assertThat(f.followUp().earliestNext()).isEqualTo(LocalDate.parse("2027-02-28"));
            assertThatThrownBy(() -> f.record(evaluation("2027-02-27", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-EVA-3");
                        assertThat(e.slug()).isEqualTo("evaluation-too-early");
                    });
            assertThat(f.record(evaluation("2027-02-28", Rating.GOOD), LARS, NOW, TODAY).next().followUp().evaluations()).isEqualTo(1);
            assertThat(recordAll(file(ContractType.STATUTORY), evaluation("2027-08-31", Rating.INSUFFICIENT))
                    .followUp().earliestNext()).isEqualTo(LocalDate.parse("2028-02-29"));
        }

        @Test
        @DisplayName("R-EVA-4: a second INSUFFICIENT within the next four evaluations makes dismissal mandatory")
        void secondInsufficient() {
            EvaluationFile f = recordAll(file(ContractType.CONTRACTUAL), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.SUFFICIENT));
            Decision<EvaluationFile> d = f.record(evaluation("2027-03-31", Rating.INSUFFICIENT), LARS, NOW, TODAY);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "DismissalMandated");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
            assertThatThrownBy(() -> d.next().record(evaluation("2027-12-31", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-EVA-4: an INSUFFICIENT as the fourth follow-up evaluation still mandates dismissal")
        void insufficientAsFourth() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-03-31", Rating.GOOD), evaluation("2027-10-31", Rating.SUFFICIENT));
            Decision<EvaluationFile> d = f.record(evaluation("2028-05-31", Rating.INSUFFICIENT), LARS, NOW, TODAY);

            assertThat(d.next().followUp().evaluations()).isEqualTo(4);
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
        }

        @Test
        @DisplayName("R-EVA-4: four following evaluations without INSUFFICIENT close the follow-up")
        void closes() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-03-31", Rating.GOOD), evaluation("2027-10-31", Rating.GOOD));
            Decision<EvaluationFile> d = f.record(evaluation("2028-05-31", Rating.VERY_GOOD), LARS, NOW, TODAY);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpClosed");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_CLOSED);
        }

        @Test
        @DisplayName("R-EVA-3: an INSUFFICIENT after a closed follow-up opens a new one")
        void newFollowUpAfterClosed() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-03-31", Rating.GOOD), evaluation("2027-10-31", Rating.GOOD),
                    evaluation("2028-05-31", Rating.GOOD));
            Decision<EvaluationFile> d = f.record(evaluation("2028-06-15", Rating.INSUFFICIENT), LARS, NOW, TODAY);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpOpened");
            assertThat(d.next().followUp().evaluations()).isZero();
            assertThat(d.next().followUp().earliestNext()).isEqualTo(LocalDate.parse("2028-12-15"));
        }

        @Test
        @DisplayName("R-EVA-3: guidance actions are recorded in an open follow-up, and a reminder falls a month before the earliest next date, once")
        void guidanceAndReminder() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-08-31", Rating.INSUFFICIENT))
                    .recordGuidanceAction("training: time management", LARS, NOW).next();

            assertThat(f.followUp().guidanceActions()).containsExactly("training: time management");
            assertThat(f.remindIfDue(LocalDate.parse("2027-01-27"), NOW)).isEmpty();
            EvaluationFile reminded = f.remindIfDue(LocalDate.parse("2027-01-28"), NOW).orElseThrow().next();
            assertThat(reminded.remindIfDue(LocalDate.parse("2027-02-01"), NOW)).isEmpty();
        }
    }

    @Nested
    class Dismissal {

        @Test
        @DisplayName("R-EVA-2: a first INSUFFICIENT in special circumstances is a dismissal proposal for HR to decide")
        void proposal() {
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(special("2026-06-30"), LARS, NOW, TODAY);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "DismissalProposed");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_PROPOSED);
            assertThatThrownBy(() -> d.next().record(evaluation("2027-06-30", Rating.GOOD), LARS, NOW, TODAY))
                    .isInstanceOf(ConflictException.class);
            EvaluationFile dismissed = d.next().decideProposal(true, "confirmed", HANA, NOW).next();
            assertThat(dismissed.state()).isEqualTo(EvaluationFile.State.DISMISSED);
        }

        @Test
        @DisplayName("R-EVA-2 and R-EVA-3: not dismissed, the employee goes on in a follow-up from the evaluation date")
        void notDismissed() {
            EvaluationFile proposed = file(ContractType.STATUTORY).record(special("2026-08-31"), LARS, NOW, TODAY).next();
            Decision<EvaluationFile> d = proposed.decideProposal(false, "one more chance", HANA, NOW);

            assertThat(types(d)).containsExactly("DismissalProposalDecided", "FollowUpOpened");
            assertThat(d.next().followUp().earliestNext()).isEqualTo(LocalDate.parse("2027-02-28"));
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
        }

        @Test
        @DisplayName("R-EVA-5: a contractual employee's dismissal under labour law is recorded; not for statutory staff")
        void contractual() {
            Decision<EvaluationFile> d = file(ContractType.CONTRACTUAL)
                    .recordContractualDismissal(LocalDate.parse("2026-12-31"), "labour law", HANA, NOW);

            assertThat(types(d)).containsExactly("ContractualDismissalRecorded");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.CONTRACTUAL_DISMISSAL_RECORDED);
            assertThatThrownBy(() -> file(ContractType.STATUTORY)
                    .recordContractualDismissal(LocalDate.parse("2026-12-31"), "labour law", HANA, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-EVA-5"));
        }
    }
}
