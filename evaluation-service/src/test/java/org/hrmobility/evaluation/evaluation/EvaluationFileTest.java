package org.hrmobility.evaluation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EvaluationFileTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Actor LARS = new Actor("lars", "E-0002");
    static final Actor HANA = new Actor("hana", "E-0001");

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
            file = file.record(e, LARS, NOW).next();
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
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(evaluation("2026-06-30", Rating.GOOD), LARS, NOW);

            assertThat(d.next().evaluations()).hasSize(1);
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.NONE);
            assertThat(types(d)).containsExactly("EvaluationRecorded");
        }

        @Test
        @DisplayName("R-EVA-1: a period ending before it starts, or special circumstances without INSUFFICIENT and motivation, are malformed")
        void malformed() {
            LocalDate d = LocalDate.parse("2026-06-30");
            assertThatThrownBy(() -> new Evaluation(UUID.randomUUID(), d, d.minusDays(1), d, Rating.GOOD, false, null, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Evaluation(UUID.randomUUID(), d.minusYears(1), d, d, Rating.GOOD, true, "m", "x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Evaluation(UUID.randomUUID(), d.minusYears(1), d, d, Rating.INSUFFICIENT, true, " ", "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("evaluations recorded out of order are refused")
        void outOfOrder() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-06-30", Rating.GOOD));

            assertThatThrownBy(() -> f.record(evaluation("2026-05-31", Rating.GOOD), LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("evaluation-out-of-order"));
            assertThatThrownBy(() -> f.record(evaluation("2026-06-30", Rating.GOOD), LARS, NOW)).isInstanceOf(RuleViolationException.class);
        }
    }

    @Nested
    class FollowUps {

        @Test
        @DisplayName("R-EVA-3: an INSUFFICIENT opens a follow-up; the next evaluation is at least six months later")
        void opens() {
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(evaluation("2026-03-15", Rating.INSUFFICIENT), LARS, NOW);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpOpened");
            assertThat(d.next().followUp().earliestNext()).isEqualTo(LocalDate.parse("2026-09-15"));
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_OPEN);
        }

        @Test
        @DisplayName("R-EVA-3: six months counted from the evaluation date: 31 August + 6 months is the last day of February")
        void monthEnd() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-08-31", Rating.INSUFFICIENT));

            assertThat(f.followUp().earliestNext()).isEqualTo(LocalDate.parse("2027-02-28"));
            assertThatThrownBy(() -> f.record(evaluation("2027-02-27", Rating.GOOD), LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-EVA-3");
                        assertThat(e.slug()).isEqualTo("evaluation-too-early");
                    });
            assertThat(f.record(evaluation("2027-02-28", Rating.GOOD), LARS, NOW).next().followUp().evaluations()).isEqualTo(1);
            assertThat(recordAll(file(ContractType.STATUTORY), evaluation("2027-08-31", Rating.INSUFFICIENT))
                    .followUp().earliestNext()).isEqualTo(LocalDate.parse("2028-02-29"));
        }

        @Test
        @DisplayName("R-EVA-4: a second INSUFFICIENT within the next four evaluations makes dismissal mandatory")
        void secondInsufficient() {
            EvaluationFile f = recordAll(file(ContractType.CONTRACTUAL), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.SUFFICIENT));
            Decision<EvaluationFile> d = f.record(evaluation("2027-01-31", Rating.INSUFFICIENT), LARS, NOW);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "DismissalMandated");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
            assertThatThrownBy(() -> d.next().record(evaluation("2027-12-31", Rating.GOOD), LARS, NOW))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-EVA-4: an INSUFFICIENT as the fourth follow-up evaluation still mandates dismissal")
        void insufficientAsFourth() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-01-31", Rating.GOOD), evaluation("2027-06-30", Rating.SUFFICIENT));
            Decision<EvaluationFile> d = f.record(evaluation("2027-12-31", Rating.INSUFFICIENT), LARS, NOW);

            assertThat(d.next().followUp().evaluations()).isEqualTo(4);
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_MANDATED);
        }

        @Test
        @DisplayName("R-EVA-4: four following evaluations without INSUFFICIENT close the follow-up")
        void closes() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-01-31", Rating.GOOD), evaluation("2027-06-30", Rating.GOOD));
            Decision<EvaluationFile> d = f.record(evaluation("2027-12-31", Rating.VERY_GOOD), LARS, NOW);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpClosed");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.FOLLOW_UP_CLOSED);
        }

        @Test
        @DisplayName("R-EVA-3: an INSUFFICIENT after a closed follow-up opens a new one")
        void newFollowUpAfterClosed() {
            EvaluationFile f = recordAll(file(ContractType.STATUTORY), evaluation("2026-01-31", Rating.INSUFFICIENT),
                    evaluation("2026-08-31", Rating.GOOD), evaluation("2027-01-31", Rating.GOOD), evaluation("2027-06-30", Rating.GOOD),
                    evaluation("2027-12-31", Rating.GOOD));
            Decision<EvaluationFile> d = f.record(evaluation("2028-01-15", Rating.INSUFFICIENT), LARS, NOW);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "FollowUpOpened");
            assertThat(d.next().followUp().evaluations()).isZero();
            assertThat(d.next().followUp().earliestNext()).isEqualTo(LocalDate.parse("2028-07-15"));
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
            Decision<EvaluationFile> d = file(ContractType.STATUTORY).record(special("2026-06-30"), LARS, NOW);

            assertThat(types(d)).containsExactly("EvaluationRecorded", "DismissalProposed");
            assertThat(d.next().state()).isEqualTo(EvaluationFile.State.DISMISSAL_PROPOSED);
            assertThatThrownBy(() -> d.next().record(evaluation("2027-06-30", Rating.GOOD), LARS, NOW))
                    .isInstanceOf(ConflictException.class);
            EvaluationFile dismissed = d.next().decideProposal(true, "confirmed", HANA, NOW).next();
            assertThat(dismissed.state()).isEqualTo(EvaluationFile.State.DISMISSED);
        }

        @Test
        @DisplayName("R-EVA-2 and R-EVA-3: not dismissed, the employee goes on in a follow-up from the evaluation date")
        void notDismissed() {
            EvaluationFile proposed = file(ContractType.STATUTORY).record(special("2026-08-31"), LARS, NOW).next();
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
