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
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.RuleViolationException;
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
                Set.of(levels), cap);
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

            assertThat(agreed.withdraw(LocalDate.parse("2026-12-31"), EMMA, NOW).next().status()).isEqualTo(Application.Status.WITHDRAWN);
            assertThatThrownBy(() -> agreed.withdraw(LocalDate.parse("2027-01-01"), EMMA, NOW))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.ruleId()).contains("R-MOB-5"));
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
            Secondment s = Secondment.request(UUID.randomUUID(), employee("A1"), "OECD", Secondment.HostType.INTERNATIONAL_INSTITUTION,
                    Secondment.Reason.REGULAR, LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"), 6_000_000, false, HANA, NOW).next();

            assertThatThrownBy(() -> s.hostDecides(true, null, HANA, NOW)).isInstanceOf(ConflictException.class);
            Secondment active = s.lineManagerDecides(true, null, LARS, NOW).next().hostDecides(true, null, HANA, NOW).next();
            assertThat(active.status()).isEqualTo(Secondment.Status.ACTIVE);
            assertThat(active.end(LocalDate.parse("2027-06-30"), HANA, NOW).next().status()).isEqualTo(Secondment.Status.ENDED);
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
            return proposed.consent(true, LARS, NOW).next();
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
            assertThat(proposed.consent(true, LARS, NOW).events()).hasSize(1);
            assertThat(proposed.consent(false, LARS, NOW).next().status()).isEqualTo(TalentOffer.Status.DECLINED);
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
            TalentRequest.Assignment a = request().assign(o, HANA, NOW);

            assertThat(a.request().next().isOpen()).isFalse();
            assertThat(a.offer().status()).isEqualTo(TalentOffer.Status.ASSIGNED);
            assertThatThrownBy(() -> a.request().next().assign(o, HANA, NOW)).isInstanceOf(ConflictException.class);
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

            assertThatThrownBy(() -> a.extend(LocalDate.parse("2028-06-29"), LARS, NOW))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.slug()).isEqualTo("extension-not-one-year"));
            assertThatThrownBy(() -> a.extend(LocalDate.parse("2027-12-31"), LARS, NOW)).isInstanceOf(RuleViolationException.class);
            Allowance extended = a.extend(LocalDate.parse("2028-06-30"), LARS, NOW).next();
            assertThat(extended.extensions()).isEqualTo(1);
            assertThat(extended.extend(LocalDate.parse("2029-06-30"), LARS, NOW).next().extensions()).isEqualTo(2);
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
                    LocalDate.parse(to), LARS, NOW);
        }
    }
}
