package org.hrmobility.mobility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.mobility.AssignmentCancelled;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.mobility.allowance.Allowance;
import org.hrmobility.mobility.funding.CentralFunds;
import org.hrmobility.mobility.international.Application;
import org.hrmobility.mobility.international.Call;
import org.hrmobility.mobility.international.Programme;
import org.hrmobility.mobility.international.Stay;
import org.hrmobility.mobility.marketplace.MatchRanking;
import org.hrmobility.mobility.marketplace.TalentOffer;
import org.hrmobility.mobility.marketplace.TalentRequest;
import org.hrmobility.mobility.secondment.Secondment;
import org.hrmobility.mobility.transfer.InboundTransfer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MobilityRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Actor EMMA = new Actor("emma", "E-0003");
    static final Actor LARS = new Actor("lars", "E-0002");
    static final Actor HANA = new Actor("hana", "E-0001");

    static Employee employee(String grade) {
        return new Employee("E-0003", "Emma", null, "DEPT-WSE", grade, ContractType.STATUTORY, "E-0002", "policy-advice",
                List.of("data-analysis"), "nl");
    }

    static Call call(Programme programme, Integer cap, Grade.Level... levels) {
        return new Call(UUID.randomUUID(), programme, "Call 2027", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"),
                Set.of(levels), cap, null, null);
    }

    static Stay stay(String from, String to) {
        return new Stay(LocalDate.parse(from), LocalDate.parse(to));
    }

    static Application apply(Call call, String grade, Stay stay, String day) {
        return Application.submit(UUID.randomUUID(), call, employee(grade), "Dutch Ministry", stay, 100_001, 50_000,
                LocalDate.parse(day), EMMA, NOW).next();
    }

    @Nested
    class Durations {

        @ParameterizedTest(name = "EXCHANGE {0} to {1}")
        @CsvSource({"2027-01-01,2027-01-31", "2027-01-01,2027-06-30", "2027-02-15,2027-08-14"})
        @DisplayName("R-MOB-1: an exchange of exactly 1 and exactly 6 months is accepted")
        void exchangeBounds(String from, String to) {
            assertThat(apply(call(Programme.EXCHANGE, null, Grade.Level.B), "B2", stay(from, to), "2026-11-15").status())
                    .isEqualTo(Application.Status.SUBMITTED);
        }

        @Test
        @DisplayName("R-MOB-1: an exchange one day over 6 months, or one day short of a month, is refused")
        void exchangeOneDayOut() {
            Call call = call(Programme.EXCHANGE, null, Grade.Level.B);
            assertThatThrownBy(() -> apply(call, "B2", stay("2027-01-01", "2027-07-01"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-MOB-1"));
            assertThatThrownBy(() -> apply(call, "B2", stay("2027-01-01", "2027-01-30"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("stay-too-short"));
        }

        @ParameterizedTest(name = "one month from {0} ends on {1}")
        @CsvSource({"2027-01-28,2027-02-27", "2027-01-29,2027-02-28", "2027-01-30,2027-02-28", "2027-01-31,2027-02-28",
                "2028-01-29,2028-02-28", "2028-01-30,2028-02-29", "2028-01-31,2028-02-29", "2027-03-31,2027-04-30"})
        @DisplayName("R-MOB-1: a one-month stay from 28 to 31 January ends the day before its anniversary, or on the last day of February when February has no such day")
        void oneMonthAroundFebruary(String from, String lastDay) {
            Call call = call(Programme.EXCHANGE, null, Grade.Level.B);
            LocalDate last = LocalDate.parse(lastDay);
            assertThat(apply(call, "B2", stay(from, lastDay), "2026-11-15").status()).isEqualTo(Application.Status.SUBMITTED);
            assertThatThrownBy(() -> apply(call, "B2", stay(from, last.minusDays(1).toString()), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("stay-too-short"));
            Call oneMonthCap = call(Programme.EXCHANGE, 1, Grade.Level.B);
            assertThatThrownBy(() -> apply(oneMonthCap, "B2", stay(from, last.plusDays(1).toString()), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("stay-longer-than-call-allows"));
        }

        @Test
        @DisplayName("R-MOB-2: a work visit lasts 1 to 3 months; one day over is refused")
        void workVisit() {
            Call call = call(Programme.WORK_VISIT, null, Grade.Level.A);
            assertThat(apply(call, "A1", stay("2027-01-01", "2027-03-31"), "2026-11-15")).isNotNull();
            assertThatThrownBy(() -> apply(call, "A1", stay("2027-01-01", "2027-04-01"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-MOB-2"));
        }
    }

    @Nested
    class Calls {

        @Test
        @DisplayName("R-MOB-4: an application on the window's last day is accepted; the day after, refused")
        void window() {
            Call call = call(Programme.EXCHANGE, null, Grade.Level.B);
            assertThat(apply(call, "B1", stay("2027-01-01", "2027-01-31"), "2026-11-30")).isNotNull();
            assertThatThrownBy(() -> apply(call, "B1", stay("2027-01-01", "2027-01-31"), "2026-12-01"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("outside-application-window"));
            assertThatThrownBy(() -> apply(call, "B1", stay("2027-01-01", "2027-01-31"), "2026-10-31"))
                    .isInstanceOf(RuleViolationException.class);
        }

        @Test
        @DisplayName("R-MOB-4: only the eligible levels apply (2013: A only)")
        void levels() {
            Call onlyA = call(Programme.EXCHANGE, null, Grade.Level.A);
            assertThatThrownBy(() -> apply(onlyA, "B3", stay("2027-01-01", "2027-01-31"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-MOB-4");
                        assertThat(e.slug()).isEqualTo("level-not-eligible");
                    });
            assertThat(apply(call(Programme.EXCHANGE, null, Grade.Level.A, Grade.Level.B, Grade.Level.C, Grade.Level.D),
                    "D1", stay("2027-01-01", "2027-01-31"), "2026-11-15")).isNotNull();
        }

        @Test
        @DisplayName("R-COR-1 and R-MOB-4: a call closed by HR takes no more applications; closing twice is refused")
        void closedCall() {
            Call closed = call(Programme.EXCHANGE, null, Grade.Level.B).close("partner cancelled", HANA, NOW).next();

            assertThat(closed.status()).isEqualTo(Call.Status.CLOSED);
            assertThatThrownBy(() -> apply(closed, "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("call-closed"));
            assertThatThrownBy(() -> closed.close("again", HANA, NOW)).isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-MOB-4: a call may cap the duration below the programme (2014: at most 1 month)")
        void cap() {
            Call capped = call(Programme.EXCHANGE, 1, Grade.Level.B);
            assertThat(apply(capped, "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15")).isNotNull();
            assertThatThrownBy(() -> apply(capped, "B1", stay("2027-01-01", "2027-02-01"), "2026-11-15"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("stay-longer-than-call-allows"));
        }
    }

    @Nested
    class CoFunding {

        @ParameterizedTest(name = "{0} cents -> {1}")
        @CsvSource({"0,0", "1,1", "2,1", "3,2", "150001,75001", "250000,125000"})
        @DisplayName("R-MOB-3: central funds pay half, in whole cents, half-up for odd amounts")
        void half(long cents, long expected) {
            assertThat(CentralFunds.half(cents)).isEqualTo(expected);
        }

        @Test
        @DisplayName("R-MOB-3: an application's central share is half of travel plus stay (odd total rounds up)")
        void applicationShare() {
            Application a = apply(call(Programme.EXCHANGE, null, Grade.Level.B), "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15");
            assertThat(a.costCents()).isEqualTo(150_001);
            assertThat(a.centralShareCents()).isEqualTo(75_001);
        }
    }

    @Nested
    class ApplicationFlow {

        @Test
        @DisplayName("R-MOB-5: the line manager agrees, then the host gives its green light, then it is approved")
        void order() {
            Application a = apply(call(Programme.EXCHANGE, null, Grade.Level.B), "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15");

            assertThatThrownBy(() -> a.hostDecides(true, null, HANA, NOW)).isInstanceOf(ConflictException.class);
            Application agreed = a.lineManagerDecides(true, null, LARS, NOW).next();
            assertThat(agreed.waitingOnHostSince()).isEqualTo(NOW);
            Application approved = agreed.hostDecides(true, null, HANA, NOW).next();
            assertThat(approved.status()).isEqualTo(Application.Status.APPROVED);
        }

        @Test
        @DisplayName("R-MOB-5: either may refuse with a reason; the employee may withdraw until the start, not after")
        void refuseAndWithdraw() {
            Application a = apply(call(Programme.EXCHANGE, null, Grade.Level.B), "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15");
            assertThat(a.lineManagerDecides(false, "peak period", LARS, NOW).next().refusalReason()).isEqualTo("peak period");
            Application agreed = a.lineManagerDecides(true, null, LARS, NOW).next();
            assertThat(agreed.hostDecides(false, "no desk", HANA, NOW).next().status()).isEqualTo(Application.Status.REFUSED);

            assertThat(agreed.withdraw(null, LocalDate.parse("2026-12-31"), EMMA, NOW).next().status())
                    .isEqualTo(Application.Status.WITHDRAWN);
            assertThatThrownBy(() -> agreed.withdraw(null, LocalDate.parse("2027-01-01"), EMMA, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.ruleId()).contains("R-MOB-5"));
            Application withdrawn = agreed.withdraw(null, LocalDate.parse("2026-12-31"), EMMA, NOW).next();
            assertThatThrownBy(() -> withdrawn.hostDecides(true, null, HANA, NOW))
                    .isInstanceOf(ConflictException.class).hasMessage("This application is WITHDRAWN; it takes no more decisions.");
        }

        @Test
        @DisplayName("R-COR-1: HR withdraws an application on the employee's behalf, with the reason, said so in history and event")
        void withdrawnOnBehalf() {
            Application a = apply(call(Programme.EXCHANGE, null, Grade.Level.B), "B1", stay("2027-01-01", "2027-01-31"), "2026-11-15");
            Decision<Application> d = a.withdraw("employee called in sick for months", LocalDate.parse("2026-12-01"),
                    HANA.onBehalfOf("E-0003"), NOW);

            assertThat(d.history().capacity()).isEqualTo("ON_BEHALF");
            assertThat(((org.hrmobility.contracts.mobility.ApplicationWithdrawn) d.events().get(0).payload()).onBehalf()).isTrue();
        }
    }

    @Nested
    class Secondments {

        @Test
        @DisplayName("R-MOB-6: half the salary cost is compensated when the host does not bear it, for union leave and long-term sick staff too")
        void compensation() {
            for (Secondment.Reason reason : Secondment.Reason.values()) {
                Secondment s = Secondment.request(UUID.randomUUID(), employee("A1"), "OECD", Secondment.HostType.INTERNATIONAL_INSTITUTION,
                        reason, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), 6_000_001, false, HANA, NOW).next();
                assertThat(s.centralCompensationCents()).isEqualTo(3_000_001);
            }
            Secondment borne = Secondment.request(UUID.randomUUID(), employee("A1"), "City of Ghent", Secondment.HostType.LOCAL_GOVERNMENT,
                    Secondment.Reason.REGULAR, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), 6_000_000, true, HANA, NOW).next();
            assertThat(borne.centralCompensationCents()).isZero();
        }

        @Test
        @DisplayName("R-MOB-6: requested, agreed by the line manager, confirmed by the host (active), ended; out of turn is refused")
        void lifecycle() {
            Secondment s = requestedAtOecd("2027-01-01", "2027-12-31", 6_000_000).next();

            LocalDate before = LocalDate.parse("2026-12-01");
            assertThatThrownBy(() -> s.hostDecides(true, null, HANA, NOW, before)).isInstanceOf(ConflictException.class);
            Decision<Secondment> approved = s.lineManagerDecides(true, null, LARS, NOW).next().hostDecides(true, null, HANA, NOW, before);
            assertThat(approved.next().status()).isEqualTo(Secondment.Status.APPROVED);
            assertThat(approved.events()).extracting(e -> e.type().name()).containsExactly("SecondmentApproved");

            assertThat(approved.next().followCalendar(LocalDate.parse("2026-12-31"), NOW)).isEmpty();
            Decision<Secondment> started = approved.next().followCalendar(LocalDate.parse("2027-01-01"), NOW).orElseThrow();
            assertThat(started.next().status()).isEqualTo(Secondment.Status.ACTIVE);
            assertThat(started.events()).extracting(e -> e.type().name()).containsExactly("SecondmentActivated");
            assertThat(started.next().followCalendar(LocalDate.parse("2027-12-31"), NOW)).isEmpty();
            Decision<Secondment> ended = started.next().followCalendar(LocalDate.parse("2028-01-01"), NOW).orElseThrow();
            assertThat(ended.next().status()).isEqualTo(Secondment.Status.ENDED);
            assertThat(ended.events()).extracting(e -> e.type().name()).containsExactly("SecondmentEnded");
        }

        @Test
        @DisplayName("R-MOB-6: a host confirming after the start makes it active at once; a calendar run that missed both days moves it through, one event each")
        void lateConfirmation() {
            Secondment agreed = requestedAtOecd("2027-01-01", "2027-03-31", 6_000_000)
                    .next().lineManagerDecides(true, null, LARS, NOW).next();

            Decision<Secondment> late = agreed.hostDecides(true, null, HANA, NOW, LocalDate.parse("2027-01-15"));
            assertThat(late.next().status()).isEqualTo(Secondment.Status.ACTIVE);
            assertThat(late.events()).extracting(e -> e.type().name()).containsExactly("SecondmentApproved", "SecondmentActivated");
            Decision<Secondment> missed = agreed.hostDecides(true, null, HANA, NOW, LocalDate.parse("2026-12-15")).next()
                    .followCalendar(LocalDate.parse("2027-05-01"), NOW).orElseThrow();
            assertThat(missed.events()).extracting(e -> e.type().name()).containsExactly("SecondmentActivated", "SecondmentEnded");
        }

        @Test
        @DisplayName("R-MOB-6: an end date before the start is refused")
        void endBeforeStart() {
            assertThatThrownBy(() -> requestedAtOecd("2027-06-01", "2027-05-31", 6_000_000))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.ruleId()).contains("R-MOB-6"));
        }

        @Test
        @DisplayName("R-MOB-6: the central share is half the salary cost of the secondment's own period, not of a year")
        void shareForThePeriod() {
            Secondment half = requestedAtOecd("2027-01-01", "2027-03-31", 7_300_000).next();

            assertThat(half.days()).isEqualTo(90);
            assertThat(half.centralShareCents()).isEqualTo(900_000);
            assertThat(half.centralCompensationCents()).isEqualTo(3_650_000);
            assertThat(half.coversOn(LocalDate.parse("2027-02-01"))).isFalse();
        }

        @Test
        @DisplayName("R-MOB-6: a whole leap year is compensated at half of one year's cost, not 366/365 of it; rounded once")
        void shareInALeapYear() {
            Secondment leapYear = requestedAtOecd("2028-01-01", "2028-12-31", 7_300_000).next();

            assertThat(leapYear.days()).isEqualTo(366);
            assertThat(leapYear.centralShareCents()).isEqualTo(leapYear.centralCompensationCents()).isEqualTo(3_650_000);
            // a day of 2027 is 1/365 of its year, a day of 2028 1/366: 3,650,219 / 365 / 2 = 5,000.3 cents, once rounded
            assertThat(CentralFunds.halfForPeriod(3_650_219, LocalDate.parse("2027-06-01"), LocalDate.parse("2027-06-01"))).isEqualTo(5_000);
            assertThat(CentralFunds.halfForPeriod(7_320_000, LocalDate.parse("2027-12-31"), LocalDate.parse("2028-01-01")))
                    .isEqualTo(10_027 + 10_000);
        }

        @Test
        @DisplayName("R-COR-1: a secondment ends early with the reason; before it starts it is withdrawn instead")
        void endEarlyAndWithdraw() {
            Secondment requested = requestedAtOecd("2027-01-01", "2027-12-31", 6_000_000).next();
            Secondment active = requested.lineManagerDecides(true, null, LARS, NOW).next()
                    .hostDecides(true, null, HANA, NOW, LocalDate.parse("2027-01-01")).next();

            Decision<Secondment> ended = active.endEarly(LocalDate.parse("2027-03-31"), "project stopped", HANA, NOW, LocalDate.parse("2027-04-10"));
            assertThat(ended.next().status()).isEqualTo(Secondment.Status.ENDED);
            assertThat(ended.next().endsOn()).isEqualTo(LocalDate.parse("2027-03-31"));
            Decision<Secondment> announced = active.endEarly(LocalDate.parse("2027-06-30"), "project stops", HANA, NOW, LocalDate.parse("2027-04-10"));
            assertThat(announced.next().status()).isEqualTo(Secondment.Status.ACTIVE);
            assertThat(announced.next().followCalendar(LocalDate.parse("2027-07-01"), NOW).orElseThrow().events()).isEmpty();
            assertThatThrownBy(() -> active.endEarly(LocalDate.parse("2027-12-31"), "no", HANA, NOW, LocalDate.parse("2027-04-10")))
                    .isInstanceOf(RuleViolationException.class);
            assertThat(requested.withdraw("host postponed", LARS, NOW, LocalDate.parse("2026-12-01")).next().status())
                    .isEqualTo(Secondment.Status.WITHDRAWN);
            assertThatThrownBy(() -> active.withdraw("too late", LARS, NOW, LocalDate.parse("2027-02-01"))).isInstanceOf(ConflictException.class);
            // a request never decided on before its first day: the message says why, and what to do instead
            assertThatThrownBy(() -> requested.withdraw("late", LARS, NOW, requested.startsOn()))
                    .isInstanceOf(ConflictException.class).hasMessageEndingWith("which has come; the line manager or the host refuses it instead.");
        }

        /** A regular secondment to the OECD, requested by HR, the host not bearing the salary. */
        private Decision<Secondment> requestedAtOecd(String from, String to, long annualSalaryCostCents) {
            return Secondment.request(UUID.randomUUID(), employee("A1"), "OECD", Secondment.HostType.INTERNATIONAL_INSTITUTION,
                    Secondment.Reason.REGULAR, LocalDate.parse(from), LocalDate.parse(to), annualSalaryCostCents, false, HANA, NOW);
        }
    }

    @Test
    @DisplayName("R-MOB-7: an inbound transfer keeps the monetary seniority and follows the shortened selection")
    void inboundTransfer() {
        InboundTransfer t = InboundTransfer.record(UUID.randomUUID(), "Jo Vermeersch", InboundTransfer.Origin.PARLIAMENT, 84,
                "DEPT-FIN", "B1", LocalDate.parse("2027-02-01"), HANA, NOW).next();

        assertThat(t.monetarySeniorityMonths()).isEqualTo(84);
        assertThat(t.shortenedSelection()).isTrue();
        assertThat(EnumSet.allOf(InboundTransfer.Origin.class)).hasSize(5);
    }

    @Nested
    class Marketplace {

        static TalentOffer offer(String employeeId, List<String> skills, int share, String from, String to) {
            TalentOffer proposed = TalentOffer.propose(UUID.randomUUID(), employeeId, "E-0002", "DEPT-WSE", skills, share,
                    LocalDate.parse(from), LocalDate.parse(to), EMMA, NOW).next();
            return proposed.consent(true, null, LARS, NOW).next();
        }

        static TalentRequest request() {
            return TalentRequest.publish(UUID.randomUUID(), "E-0001", null, "DEPT-WSE", "Open data", List.of("Python", "data-analysis"),
                    20, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), HANA, NOW).next();
        }

        @Test
        @DisplayName("R-MOB-8: a talent offer is published only with the line manager's consent")
        void consent() {
            TalentOffer proposed = TalentOffer.propose(UUID.randomUUID(), "E-0003", "E-0002", "DEPT-WSE", List.of("python"), 20,
                    LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), EMMA, NOW).next();
            assertThat(proposed.status()).isEqualTo(TalentOffer.Status.AWAITING_CONSENT);
            assertThat(proposed.consent(true, null, LARS, NOW).events()).extracting(e -> e.type().name()).containsExactly("TalentOfferPublished");
            assertThat(proposed.consent(false, null, LARS, NOW).events()).extracting(e -> e.type().name()).containsExactly("TalentOfferDeclined");
            assertThat(proposed.consent(false, null, LARS, NOW).next().status()).isEqualTo(TalentOffer.Status.DECLINED);
            // R-ACC-2: HR's reason for consenting on the manager's behalf is kept, not only checked
            assertThat(proposed.consent(true, "Lars on leave", HANA.onBehalfOf("E-0002"), NOW).history().detail()).isEqualTo("Lars on leave");
        }

        @Test
        @DisplayName("R-MOB-8: matches rank by skill overlap, then availability, then period overlap, each explained")
        void ranking() {
            TalentOffer both = offer("E-1", List.of("python", "data-analysis"), 10, "2027-01-01", "2027-06-30");
            TalentOffer bothFullTime = offer("E-2", List.of("python", "data-analysis", "gis"), 40, "2027-03-01", "2027-12-31");
            TalentOffer one = offer("E-3", List.of("python"), 50, "2027-01-01", "2027-06-30");
            TalentOffer none = offer("E-4", List.of("law"), 50, "2027-01-01", "2027-06-30");
            TalentOffer tooLate = offer("E-5", List.of("python", "data-analysis"), 50, "2027-07-01", "2027-12-31");

            List<MatchRanking.Match> matches = MatchRanking.rank(request(), List.of(none, one, both, tooLate, bothFullTime), 10);

            assertThat(matches).extracting(MatchRanking.Match::employeeId).containsExactly("E-2", "E-1", "E-3");
            assertThat(matches.get(0).explanation()).isEqualTo("2 of 2 skills (data-analysis, python); 40 % of time offered for 20 % asked; covers 67 % of the period");
        }

        @Test
        @DisplayName("R-MOB-8: an assignment closes the loop: the request is filled and the offer leaves the market")
        void assignment() {
            TalentOffer o = offer("E-1", List.of("python"), 20, "2027-01-01", "2027-06-30");
            TalentRequest r = request();
            Decision<TalentRequest> a = r.assign(o, HANA, NOW);
            TalentOffer taken = o.assignTo(r.id(), HANA, NOW).next();

            assertThat(a.next().isOpen()).isFalse();
            assertThat(taken.status()).isEqualTo(TalentOffer.Status.ASSIGNED);
            assertThatThrownBy(() -> a.next().assign(o, HANA, NOW)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> request().assign(taken, HANA, NOW)).isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-COR-1 on R-MOB-8: an assignment made in error is cancelled with its reason; the request reopens and the offer is published again")
        void assignmentCancelled() {
            TalentOffer o = offer("E-1", List.of("python"), 20, "2027-01-01", "2027-06-30");
            TalentRequest r = request();
            TalentRequest filled = r.assign(o, HANA, NOW).next();
            TalentOffer taken = o.assignTo(r.id(), HANA, NOW).next();

            Decision<TalentRequest> cancelled = filled.cancelAssignment(taken, "wrong offer", HANA, NOW);
            TalentOffer back = taken.unassign(r.id(), "wrong offer", HANA, NOW).next();

            assertThat(cancelled.next().isOpen()).isTrue();
            assertThat(cancelled.next().assignedOffer()).isNull();
            AssignmentCancelled told = (AssignmentCancelled) cancelled.events().get(0).payload();
            assertThat(told.employeeId()).isEqualTo("E-1");
            assertThat(told.offerId()).isEqualTo(o.id().toString());
            assertThat(told.reason()).isEqualTo("wrong offer");
            assertThat(cancelled.history().detail()).isEqualTo("wrong offer");
            assertThat(back.status()).isEqualTo(TalentOffer.Status.PUBLISHED);
            assertThat(back.assignedTo()).isNull();
            assertThatThrownBy(() -> cancelled.next().cancelAssignment(back, "again", HANA, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.slug()).isEqualTo("request-not-assigned"));
            assertThatThrownBy(() -> taken.unassign(UUID.randomUUID(), "another request", HANA, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.slug()).isEqualTo("offer-not-assigned"));
        }

        @Test
        @DisplayName("R-MOB-8: an assignment needs at least one shared skill and overlapping periods")
        void assignmentNeedsAFit() {
            assertThatThrownBy(() -> request().assign(offer("E-1", List.of("law"), 20, "2027-01-01", "2027-06-30"), HANA, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("no-shared-skill"));
            assertThatThrownBy(() -> request().assign(offer("E-1", List.of("python"), 20, "2027-07-01", "2027-12-31"), HANA, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-MOB-8");
                        assertThat(e.slug()).isEqualTo("periods-do-not-overlap");
                    });
            assertThat(request().assign(offer("E-1", List.of("python"), 20, "2027-06-30", "2027-12-31"), HANA, NOW).next().isOpen())
                    .isFalse();
        }

        @Test
        @DisplayName("R-MOB-8: the ranking is the documented weighted score, so full availability can outrank one more shared skill")
        void weightedScore() {
            TalentOffer allSkillsBarelyAvailable = offer("E-1", List.of("python", "data-analysis"), 5, "2027-06-13", "2027-06-30");
            TalentOffer oneSkillFullyAvailable = offer("E-2", List.of("python"), 20, "2027-01-01", "2027-06-30");

            List<MatchRanking.Match> matches = MatchRanking.rank(request(), List.of(allSkillsBarelyAvailable, oneSkillFullyAvailable), 10);

            assertThat(matches).extracting(MatchRanking.Match::employeeId).containsExactly("E-2", "E-1");
            assertThat(matches.get(0).score()).isEqualTo(0.7);
            assertThat(matches.get(1).score()).isEqualTo(0.677);
        }

        @Test
        @DisplayName("R-COR-1: an offer and a request are withdrawn with the reason; an assigned one is not")
        void withdrawals() {
            TalentOffer o = offer("E-1", List.of("python"), 20, "2027-01-01", "2027-06-30");
            assertThat(o.withdraw("no time", EMMA, NOW).next().status()).isEqualTo(TalentOffer.Status.WITHDRAWN);
            assertThat(request().withdraw("project stopped", HANA, NOW).next().status()).isEqualTo(TalentRequest.Status.WITHDRAWN);
            TalentOffer taken = o.assignTo(UUID.randomUUID(), HANA, NOW).next();
            assertThatThrownBy(() -> taken.withdraw("late", EMMA, NOW)).isInstanceOf(ConflictException.class);
            TalentOffer awaiting = TalentOffer.propose(UUID.randomUUID(), "E-0003", "E-0002", "DEPT-WSE", List.of("python"), 20,
                    LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), EMMA, NOW).next();
            TalentOffer withdrawnFirst = awaiting.withdraw("changed my mind", EMMA, NOW).next();
            assertThatThrownBy(() -> withdrawnFirst.consent(true, null, LARS, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.slug()).isEqualTo("offer-not-awaiting-consent"));
        }
    }

    @Nested
    class Allowances {

        @Test
        @DisplayName("R-MOB-9: 30 calendar days to one year; 29 days or a year and a day are refused")
        void bounds() {
            assertThat(grant("C1", "2027-01-01", "2027-01-30").next().endsOn()).isEqualTo(LocalDate.parse("2027-01-30"));
            assertThat(grant("C1", "2027-01-01", "2027-12-31").next()).isNotNull();
            assertThatThrownBy(() -> grant("C1", "2027-01-01", "2027-01-29"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("allowance-too-short"));
            assertThatThrownBy(() -> grant("C1", "2027-01-01", "2028-01-01"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("allowance-too-long"));
        }

        @Test
        @DisplayName("R-MOB-9: not for level N; statutory and contractual staff of every other level")
        void levelN() {
            assertThatThrownBy(() -> grant("N", "2027-01-01", "2027-06-30"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.ruleId()).contains("R-MOB-9");
                        assertThat(e.slug()).isEqualTo("allowance-not-for-level-n");
                    });
            assertThat(grant("A3", "2027-01-01", "2027-06-30")).isNotNull();
            assertThat(grant("D1", "2027-01-01", "2027-06-30")).isNotNull();
        }

        @Test
        @DisplayName("R-MOB-9: extensions are exactly one year; any other length is refused")
        void extensions() {
            Allowance a = grant("B1", "2027-01-01", "2027-06-30").next();

            LocalDate running = LocalDate.parse("2027-06-01");
            assertThatThrownBy(() -> a.extend(LocalDate.parse("2028-06-29"), null, running, LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("extension-not-one-year"));
            assertThatThrownBy(() -> a.extend(LocalDate.parse("2027-12-31"), null, running, LARS, NOW)).isInstanceOf(RuleViolationException.class);
            Allowance extended = a.extend(LocalDate.parse("2028-06-30"), null, running, LARS, NOW).next();
            assertThat(extended.extensions()).isEqualTo(1);
            assertThat(extended.extend(null, null, running, LARS, NOW).next().endsOn()).isEqualTo(LocalDate.parse("2029-06-30"));
        }

        @ParameterizedTest(name = "an allowance ending {0} is extended from the next day to {1}")
        @CsvSource({"2027-02-27,2028-02-27", "2027-02-28,2028-02-29", "2028-02-28,2029-02-28", "2028-02-29,2029-02-28"})
        @DisplayName("R-MOB-9: an extension starts the day after the current end and lasts one year, across leap days")
        void extensionAroundLeapDays(String currentEnd, String newEnd) {
            LocalDate end = LocalDate.parse(currentEnd);
            Allowance a = grant("B1", end.minusMonths(6).toString(), currentEnd).next();

            assertThat(a.extend(null, null, end, LARS, NOW).next().endsOn()).isEqualTo(LocalDate.parse(newEnd));
        }

        @Test
        @DisplayName("R-MOB-9: from 29 February an allowance runs at most until 28 February of the next year")
        void fromLeapDay() {
            assertThat(grant("C1", "2028-02-29", "2029-02-28").next()).isNotNull();
            assertThatThrownBy(() -> grant("C1", "2028-02-29", "2029-03-01"))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("allowance-too-long"));
        }

        @Test
        @DisplayName("R-MOB-9: extended while it runs or within 30 days after its end; level N is checked again on today's grade")
        void extensionWindowAndLevel() {
            Allowance a = grant("B1", "2027-01-01", "2027-06-30").next();

            assertThat(a.extend(null, null, LocalDate.parse("2027-07-30"), LARS, NOW).next().extensions()).isEqualTo(1);
            assertThatThrownBy(() -> a.extend(null, null, LocalDate.parse("2027-07-31"), LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("extension-too-late"));
            Allowance promotedToN = a.withEmployee("E-0002", "DEPT-WSE", "N");
            assertThatThrownBy(() -> promotedToN.extend(null, null, LocalDate.parse("2027-06-01"), LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("allowance-not-for-level-n"));
        }

        @Test
        @DisplayName("R-COR-1: an allowance is ended early, from its start to before its end, and is not extended after")
        void endEarly() {
            Allowance a = grant("B1", "2027-01-01", "2027-06-30").next();

            Decision<Allowance> ended = a.endEarly(LocalDate.parse("2027-03-31"), "reorganisation", LARS, NOW);
            assertThat(ended.next().endsOn()).isEqualTo(LocalDate.parse("2027-03-31"));
            assertThat(ended.next().status()).isEqualTo(Allowance.Status.ENDED_EARLY);
            assertThat(ended.events()).extracting(e -> e.type().name()).containsExactly("AllowanceEnded");
            assertThatThrownBy(() -> a.endEarly(LocalDate.parse("2027-06-30"), "no", LARS, NOW)).isInstanceOf(RuleViolationException.class);
            assertThatThrownBy(() -> ended.next().extend(null, null, LocalDate.parse("2027-03-15"), LARS, NOW)).isInstanceOf(ConflictException.class);
        }

        @Test
        @DisplayName("R-MOB-9: a reminder a month before the end, once")
        void reminder() {
            Allowance a = grant("B1", "2027-01-01", "2027-06-30").next();
            assertThat(a.remindIfDue(LocalDate.parse("2027-05-29"), NOW)).isEmpty();
            Allowance reminded = a.remindIfDue(LocalDate.parse("2027-05-30"), NOW).orElseThrow().next();
            assertThat(reminded.remindIfDue(LocalDate.parse("2027-06-15"), NOW)).isEmpty();
        }

        private Decision<Allowance> grant(String grade, String from, String to) {
            return Allowance.grant(UUID.randomUUID(), employee(grade), "interim head of unit", LocalDate.parse(from),
                    LocalDate.parse(to), null, LARS, NOW);
        }

        @Test
        @DisplayName("R-ACC-2: HR granting or extending on the line manager's behalf: the reason is in the history line")
        void onBehalfReasonKept() {
            Actor hr = HANA.onBehalfOf("E-0002");
            Decision<Allowance> granted = Allowance.grant(UUID.randomUUID(), employee("B1"), "interim head of unit",
                    LocalDate.parse("2027-01-01"), LocalDate.parse("2027-06-30"), "Lars on leave", hr, NOW);
            assertThat(granted.history().detail()).isEqualTo("interim head of unit; on behalf: Lars on leave");
            assertThat(granted.history().capacity()).isEqualTo("ON_BEHALF");

            Decision<Allowance> extended = granted.next().extend(null, "Lars still on leave", LocalDate.parse("2027-06-01"), hr, NOW);
            assertThat(extended.history().detail()).isEqualTo("Lars still on leave");
        }
    }
}
