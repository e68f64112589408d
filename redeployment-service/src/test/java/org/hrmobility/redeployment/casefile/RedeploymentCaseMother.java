package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.hrmobility.redeployment.offer.OfferPolicy;
import org.hrmobility.redeployment.offer.Position;

/** Cases in the states the tests start from: Emma (B2), whose line manager is Lars, handled by Hana. */
final class RedeploymentCaseMother {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    static final Actor HANA = new Actor("hana", "E-0001");
    static final Actor LARS = new Actor("lars", "E-0002");
    static final Actor EMMA = new Actor("emma", "E-0003");
    static final EmployeeSnapshot EMMA_B2 = new EmployeeSnapshot("E-0003", "Emma Peeters", "DEPT-WSE", "B2", "E-0002",
            "policy-advice");
    static final Guidance COMPLETED = new Guidance(TODAY.minusMonths(8), TODAY.minusDays(1), List.of("coaching", "training"));

    private RedeploymentCaseMother() {
    }

    static RedeploymentCase opened() {
        return RedeploymentCase.open(UUID.randomUUID(), EMMA_B2, HANA, NOW).next();
    }

    static RedeploymentCase withGuidance(Guidance guidance) {
        return opened().recordGuidance(guidance, LARS, NOW).next();
    }

    static RedeploymentCase inPool() {
        return withGuidance(COMPLETED).decideAdmissibility(true, "redeployable profile", HANA, NOW, TODAY).next();
    }

    static Position position(String grade) {
        return new Position("Policy adviser", "DEPT-WSE", grade, "policy-advice", null);
    }

    static Decision<RedeploymentCase> offer(RedeploymentCase c, String grade) {
        return c.makeOffer(UUID.randomUUID(), position(grade), true, HANA, NOW, TODAY, OfferPolicy.DEFAULT);
    }

    /** In the pool with {@code count} offers refused by Emma. */
    static RedeploymentCase afterRefusals(int count) {
        RedeploymentCase c = inPool();
        for (int i = 0; i < count; i++) {
            c = offer(c, "B1").next();
            c = c.refuse(c.openOffer().orElseThrow().id(), EMMA, "too far from home", NOW, TODAY).next();
        }
        return c;
    }
}
