package org.hrmobility.redeployment.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hrmobility.redeployment.casefile.RedeploymentCaseMother.*;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.contracts.redeployment.OfferExpired;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.store.DocumentJson;
import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.OfferStatus;
import org.hrmobility.redeployment.offer.WithdrawalCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedeploymentCaseTest {

    @Nested
    class Registration {

        @Test
        @DisplayName("R-RED-1: admissibility without a guidance trajectory is refused")
        void noGuidance() {
            assertThatThrownBy(() -> opened().decideAdmissibility(true, "m", HANA, NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-RED-1");
                        assertThat(e.slug()).isEqualTo("guidance-trajectory-required");
                    });
        }

        @Test
        @DisplayName("R-RED-1: a guidance trajectory still running is not completed: registration waits")
        void guidanceNotCompleted() {
            RedeploymentCase running = withGuidance(new Guidance(TODAY.minusMonths(2), TODAY.plusDays(1), List.of("coaching")));

            assertThatThrownBy(() -> running.decideAdmissibility(true, "m", HANA, NOW, TODAY))
                    .isInstanceOf(RuleViolationException.class).hasMessageContaining(TODAY.plusDays(1).toString());
        }

        @Test
        @DisplayName("R-RED-1: a trajectory ending today is completed; the employee enters the pool")
        void guidanceEndingToday() {
            RedeploymentCase c = withGuidance(new Guidance(TODAY.minusMonths(6), TODAY, List.of("training")))
                    .decideAdmissibility(true, "m", HANA, NOW, TODAY).next();

            assertThat(c.status()).isEqualTo(CaseStatus.IN_POOL);
        }

        @Test
        @DisplayName("R-RED-2: not redeployable: internal trajectory and no offers")
        void notRedeployable() {
            Decision<RedeploymentCase> d = withGuidance(COMPLETED).decideAdmissibility(false, "needs a multidisciplinary trajectory", HANA, NOW, TODAY);

            assertThat(d.next().status()).isEqualTo(CaseStatus.INTERNAL_TRAJECTORY);
            assertThat(types(d.events())).containsExactly("AdmissibilityDecided");
            assertThatThrownBy(() -> offer(d.next(), "B2"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-RED-2"));
        }

        @Test
        @DisplayName("admissibility is decided once")
        void decidedOnce() {
            assertThatThrownBy(() -> inPool().decideAdmissibility(false, "m", HANA, NOW, TODAY))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Nested
    class Offers {

        @Test
        @DisplayName("R-RED-3: an offer of a higher grade than the employee's is refused; equal and lower are fine")
        void grade() {
            assertThatThrownBy(() -> offer(inPool(), "B3"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-RED-3");
                        assertThat(e.slug()).isEqualTo("offer-grade-too-high");
                    });
            assertThatThrownBy(() -> offer(inPool(), "A1")).isInstanceOf(RuleViolationException.class);
            assertThat(offer(inPool(), "B2").next().openOffer()).isPresent();
            assertThat(offer(inPool(), "C3").next().openOffer()).isPresent();
        }

        @Test
        @DisplayName("R-RED-5: one open offer per case at a time")
        void oneOpenOffer() {
            RedeploymentCase withOpen = offer(inPool(), "B2").next();

            assertThatThrownBy(() -> offer(withOpen, "B1"))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.ruleId()).contains("R-RED-5"));
        }

        @Test
        @DisplayName("R-RED-6: an offer for a withdrawn or filled vacancy is refused")
        void withdrawnVacancy() {
            assertThatThrownBy(() -> inPool().makeOffer(UUID.randomUUID(), position("B2"), false, HANA, NOW, TODAY,
                    OfferPolicy.DEFAULT))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-RED-6"));
        }

        @Test
        @DisplayName("R-RED-5: an offer must be answered within 14 calendar days")
        void deadline() {
            Decision<RedeploymentCase> d = offer(inPool(), "B2");

            assertThat(d.next().openOffer().orElseThrow().respondBy()).isEqualTo(TODAY.plusDays(14));
            assertThat(types(d.events())).containsExactly("OfferMade");
        }

        @Test
        @DisplayName("accepting an offer places the employee, not ex officio, and closes the case")
        void accept() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            Decision<RedeploymentCase> d = c.accept(c.openOffer().orElseThrow().id(), EMMA, null, NOW, TODAY);

            assertThat(d.next().status()).isEqualTo(CaseStatus.PLACED);
            assertThat(d.next().placement().exOfficio()).isFalse();
            assertThat(types(d.events())).containsExactly("EmployeePlaced", "CaseClosed");
        }

        @Test
        @DisplayName("an answered offer cannot be answered again")
        void answeredOnce() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            UUID offerId = c.openOffer().orElseThrow().id();
            RedeploymentCase refused = c.refuse(offerId, EMMA, "no", NOW, TODAY).next();

            assertThatThrownBy(() -> refused.accept(offerId, EMMA, null, NOW, TODAY)).isInstanceOf(ConflictException.class);
        }
    }

    @Nested
    class ExOfficio {

        @Test
        @DisplayName("R-RED-4: two refusals are allowed; each is counted")
        void twoRefusals() {
            RedeploymentCase c = afterRefusals(2);

            assertThat(c.refusals()).isEqualTo(2);
            assertThat(c.status()).isEqualTo(CaseStatus.IN_POOL);
        }

        @Test
        @DisplayName("R-RED-4: third offer places the employee ex officio at once")
        void thirdOfferPlaces() {
            Decision<RedeploymentCase> d = offer(afterRefusals(2), "C1");

            assertThat(d.next().status()).isEqualTo(CaseStatus.PLACED);
            assertThat(d.next().placement().exOfficio()).isTrue();
            assertThat(d.next().offers().get(2).status()).isEqualTo(OfferStatus.EX_OFFICIO);
            assertThat(types(d.events())).containsExactly("OfferMade", "EmployeePlaced", "CaseClosed");
            assertThat(payload(d.events(), EmployeePlaced.class).exOfficio()).isTrue();
        }

        @Test
        @DisplayName("R-RED-4: the ex officio offer cannot be refused")
        void cannotRefuse() {
            RedeploymentCase placed = offer(afterRefusals(2), "C1").next();
            UUID third = placed.offers().get(2).id();

            assertThatThrownBy(() -> placed.refuse(third, EMMA, "no", NOW, TODAY))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-RED-4"));
        }

        @Test
        @DisplayName("R-RED-4: the refusal count survives a restart (the stored case read back)")
        void refusalsSurviveRestart() {
            RedeploymentCase stored = DocumentJson.read(DocumentJson.write(afterRefusals(2)), RedeploymentCase.class);

            assertThat(stored.refusals()).isEqualTo(2);
            assertThat(offer(stored, "B2").next().placement().exOfficio()).isTrue();
        }

        @Test
        @DisplayName("R-RED-4 and R-RED-5: a third offer after two expiries also places ex officio")
        void afterTwoExpiries() {
            RedeploymentCase c = inPool();
            for (int i = 0; i < 2; i++) {
                c = offer(c, "B2").next();
                LocalDate afterDeadline = c.openOffer().orElseThrow().respondBy().plusDays(1);
                c = c.applyDeadline(NOW, afterDeadline, OfferPolicy.DEFAULT).orElseThrow().next();
            }

            assertThat(c.refusals()).isEqualTo(2);
            assertThat(offer(c, "B2").next().placement().exOfficio()).isTrue();
        }
    }

    @Nested
    class Deadlines {

        @Test
        @DisplayName("R-RED-5: three days before the deadline a reminder is due, once")
        void reminder() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            LocalDate deadline = c.openOffer().orElseThrow().respondBy();

            assertThat(c.applyDeadline(NOW, deadline.minusDays(4), OfferPolicy.DEFAULT)).isEmpty();
            Decision<RedeploymentCase> reminded = c.applyDeadline(NOW, deadline.minusDays(3), OfferPolicy.DEFAULT).orElseThrow();
            assertThat(types(reminded.events())).containsExactly("OfferDeadlineApproaching");
            assertThat(reminded.next().applyDeadline(NOW, deadline.minusDays(2), OfferPolicy.DEFAULT)).isEmpty();
        }

        @Test
        @DisplayName("R-RED-5: unanswered on its deadline day is still open; the day after it expires and counts as a refusal")
        void expiry() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            LocalDate deadline = c.openOffer().orElseThrow().respondBy();
            RedeploymentCase reminded = c.applyDeadline(NOW, deadline, OfferPolicy.DEFAULT).orElseThrow().next();

            assertThat(reminded.applyDeadline(NOW, deadline, OfferPolicy.DEFAULT)).isEmpty();
            Decision<RedeploymentCase> expired = reminded.applyDeadline(NOW, deadline.plusDays(1), OfferPolicy.DEFAULT).orElseThrow();
            assertThat(expired.next().refusals()).isEqualTo(1);
            assertThat(payload(expired.events(), OfferExpired.class).refusals()).isEqualTo(1);
        }
    }

    @Nested
    class Corrections {

        @Test
        @DisplayName("R-COR-2: closing a case ends its open offer; it cannot be accepted afterwards and is no refusal")
        void closingEndsTheOpenOffer() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            UUID offerId = c.openOffer().orElseThrow().id();

            Decision<RedeploymentCase> closed = c.close("employee resigned", HANA, NOW, TODAY);

            assertThat(types(closed.events())).containsExactly("OfferWithdrawn", "CaseClosed");
            assertThat(closed.next().offer(offerId).orElseThrow().status()).isEqualTo(OfferStatus.WITHDRAWN);
            assertThat(closed.next().refusals()).isZero();
            assertThat(closed.next().openOffer()).isEmpty();
            assertThatThrownBy(() -> closed.next().accept(offerId, EMMA, null, NOW, TODAY)).isInstanceOf(ConflictException.class);
            assertThat(closed.next().applyDeadline(NOW, TODAY.plusDays(30), OfferPolicy.DEFAULT)).isEmpty();
        }

        @Test
        @DisplayName("R-COR-1: an offer cancelled as made in error does not count towards the two refusals")
        void cancelledOfferIsNoRefusal() {
            RedeploymentCase c = afterRefusals(1);
            c = offer(c, "B2").next();
            Decision<RedeploymentCase> cancelled = c.cancelOffer(c.openOffer().orElseThrow().id(), "wrong vacancy", HANA, NOW);

            assertThat(types(cancelled.events())).containsExactly("OfferWithdrawn");
            assertThat(cancelled.next().refusals()).isEqualTo(1);
            RedeploymentCase second = offer(cancelled.next(), "B1").next();
            RedeploymentCase refusedTwice = second.refuse(second.openOffer().orElseThrow().id(), EMMA, "no", NOW, TODAY).next();
            assertThat(offer(refusedTwice, "B1").next().placement().exOfficio()).isTrue();
        }

        @Test
        @DisplayName("R-COR-1: a refused offer made in error is cancelled too, and no longer brings the placement ex officio closer")
        void refusedOfferCancelled() {
            RedeploymentCase refusedTwice = afterRefusals(2);
            UUID erroneous = refusedTwice.offers().get(0).id();

            Decision<RedeploymentCase> cancelled = refusedTwice.cancelOffer(erroneous, "offered the wrong grade", HANA, NOW);
            assertThat(cancelled.next().refusals()).isEqualTo(1);
            assertThat(cancelled.history().action()).isEqualTo("offer 1, refused, cancelled as made in error, not counted as a refusal");
            assertThat(types(cancelled.events())).containsExactly("OfferWithdrawn");
            RedeploymentCase third = offer(cancelled.next(), "B1").next();
            assertThat(third.placement()).isNull();
            assertThat(third.openOffer()).isPresent();

            RedeploymentCase laterOpen = offer(afterRefusals(1), "B1").next();
            assertThatThrownBy(() -> laterOpen.cancelOffer(laterOpen.offers().get(0).id(), "wrong grade", HANA, NOW))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("Offer 2 is open; it is answered, or cancelled, before an earlier offer is cancelled as made in error.");

            RedeploymentCase placed = offer(refusedTwice, "C1").next();
            assertThatThrownBy(() -> placed.cancelOffer(erroneous, "too late", HANA, NOW))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("while the case is in the pool");
        }

        @Test
        @DisplayName("R-COR-1: a cancelled offer can be neither accepted nor refused, and the answer says which act it refused")
        void cancelledOfferNotAnswered() {
            RedeploymentCase c = offer(afterRefusals(0), "B2").next();
            UUID offerId = c.openOffer().orElseThrow().id();
            RedeploymentCase cancelled = c.cancelOffer(offerId, "wrong vacancy", HANA, NOW).next();

            assertThatThrownBy(() -> cancelled.refuse(offerId, EMMA, "no", NOW, TODAY))
                    .isInstanceOf(ConflictException.class).hasMessage("Offer 1 is WITHDRAWN; only an open offer can be refused.");
            assertThatThrownBy(() -> cancelled.accept(offerId, EMMA, null, NOW, TODAY))
                    .isInstanceOf(ConflictException.class).hasMessage("Offer 1 is WITHDRAWN; only an open offer can be accepted.");
        }

        @Test
        @DisplayName("R-COR-1: a placement ex officio is not cancelled as an offer")
        void exOfficioNotCancelled() {
            RedeploymentCase placed = offer(afterRefusals(2), "C1").next();

            assertThatThrownBy(() -> placed.cancelOffer(placed.offers().get(2).id(), "error", HANA, NOW))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("ex officio");
        }

        @Test
        @DisplayName("R-COR-1: a closed case reopens in the status it was closed from; a placed one does not")
        void reopen() {
            RedeploymentCase closed = afterRefusals(1).close("by mistake", HANA, NOW, TODAY).next();

            Decision<RedeploymentCase> reopened = closed.reopen("closed by mistake", HANA, NOW);

            assertThat(reopened.next().status()).isEqualTo(CaseStatus.IN_POOL);
            assertThat(reopened.next().refusals()).isEqualTo(1);
            assertThat(types(reopened.events())).containsExactly("CaseReopened");
            RedeploymentCase placed = offer(afterRefusals(2), "C1").next();
            assertThatThrownBy(() -> placed.reopen("no", HANA, NOW)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> inPool().reopen("no", HANA, NOW)).isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-COR-2: an offer on a vacancy withdrawn or filled elsewhere ends, and is no refusal")
        void vacancyGone() {
            RedeploymentCase c = inPool().makeOffer(UUID.randomUUID(), new org.hrmobility.redeployment.offer.Position("Analyst",
                    "DEPT-WSE", "B1", "policy-advice", "JP-1"), true, HANA, NOW, TODAY, OfferPolicy.DEFAULT).next();

            assertThat(c.vacancyGone("JP-2", WithdrawalCause.VACANCY_WITHDRAWN, NOW, TODAY)).isEmpty();
            Decision<RedeploymentCase> ended = c.vacancyGone("JP-1", WithdrawalCause.VACANCY_FILLED, NOW, TODAY).orElseThrow();
            assertThat(ended.next().refusals()).isZero();
            assertThat(ended.next().openOffer()).isEmpty();
            assertThat(types(ended.events())).containsExactly("OfferWithdrawn");
        }

        @Test
        @DisplayName("R-RED-5 before R-COR-2: an offer past its deadline had expired when the case closed or its vacancy went, job run or not; it stays a refusal")
        void pastDeadlineExpiredFirst() {
            RedeploymentCase c = inPool().makeOffer(UUID.randomUUID(), new org.hrmobility.redeployment.offer.Position("Analyst",
                    "DEPT-WSE", "B1", "policy-advice", "JP-1"), true, HANA, NOW, TODAY, OfferPolicy.DEFAULT).next();
            LocalDate dayAfter = c.openOffer().orElseThrow().respondBy().plusDays(1);

            Decision<RedeploymentCase> closed = c.close("employee resigned", HANA, NOW, dayAfter);
            assertThat(types(closed.events())).containsExactly("OfferExpired", "CaseClosed");
            assertThat(closed.history().action()).isEqualTo("case closed; offer 1 expired, counts as a refusal");
            assertThat(closed.next().reopen("closed by mistake", HANA, NOW).next().refusals()).isEqualTo(1);

            Decision<RedeploymentCase> gone = c.vacancyGone("JP-1", WithdrawalCause.VACANCY_WITHDRAWN, NOW, dayAfter).orElseThrow();
            assertThat(types(gone.events())).containsExactly("OfferExpired");
            assertThat(gone.next().refusals()).isEqualTo(1);

            RedeploymentCase onTheDeadline = c.close("employee resigned", HANA, NOW, dayAfter.minusDays(1)).next();
            assertThat(onTheDeadline.refusals()).isZero();
        }

        @Test
        @DisplayName("R-RED-5: an answer after the deadline is refused even before the deadline job has run")
        void answerAfterDeadline() {
            RedeploymentCase c = offer(inPool(), "B2").next();
            UUID offerId = c.openOffer().orElseThrow().id();
            LocalDate dayAfter = c.openOffer().orElseThrow().respondBy().plusDays(1);

            assertThatThrownBy(() -> c.accept(offerId, EMMA, null, NOW, dayAfter))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.slug()).isEqualTo("offer-deadline-passed"));
            assertThatThrownBy(() -> c.refuse(offerId, EMMA, "no", NOW, dayAfter)).isInstanceOf(ConflictException.class);
            assertThat(c.accept(offerId, EMMA, null, NOW, dayAfter.minusDays(1)).next().status()).isEqualTo(CaseStatus.PLACED);
        }
    }

    @Nested
    class History {

    @Test
    @DisplayName("every decision names who took it in the history, and events are keyed by the case")
    void historyAndKeys() {
        Decision<RedeploymentCase> d = withGuidance(COMPLETED).decideAdmissibility(true, "good profile", HANA, NOW, TODAY);

        assertThat(d.history().actor()).isEqualTo(HANA.subject());
        assertThat(d.history().actorEmployeeId()).isEqualTo(HANA.employeeId());
        assertThat(d.history().detail()).isEqualTo("good profile");
        assertThat(d.events()).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(d.next().id().toString());
            assertThat(e.type().topic()).isEqualTo(RedeploymentEvents.CASE_OPENED.topic());
        });
    }
    }

    private static List<String> types(List<OutgoingEvent<?>> events) {
        return events.stream().map(e -> e.type().name()).toList();
    }

    private static <T> T payload(List<OutgoingEvent<?>> events, Class<T> type) {
        return events.stream().map(OutgoingEvent::payload).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }
}
