package org.hrmobility.mobility.privacy;

import java.time.Period;

import org.hrmobility.kit.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-PRV-2: how long this service keeps what it holds about people after it is closed (grounds in docs/privacy.md). */
@Configuration(proxyBeanMethods = false)
class RetentionRules {

    /** Secondments and applications paid from central funds (R-MOB-3, R-MOB-6): 7 years, as accounting records. */
    @Bean
    RetentionRule closedSecondments() {
        return RetentionRule.of("secondment", "secondment", "status in ('ENDED', 'REFUSED', 'WITHDRAWN')", Period.ofYears(7));
    }

    @Bean
    RetentionRule closedApplications() {
        return RetentionRule.of("application", "application", "status in ('APPROVED', 'REFUSED', 'WITHDRAWN')", Period.ofYears(7));
    }

    /** An allowance is pay (R-MOB-9): 7 years after it ended, as accounting records. */
    @Bean
    RetentionRule endedAllowances() {
        return new RetentionRule("allowance", "allowance", "id", "true", "ends_on", Period.ofYears(7));
    }

    /** The marketplace (R-MOB-8): offers and requests no longer open, one year after their last change. */
    @Bean
    RetentionRule closedTalentOffers() {
        return RetentionRule.of("talent-offer", "talent_offer", "status in ('DECLINED', 'ASSIGNED', 'WITHDRAWN')", Period.ofYears(1));
    }

    @Bean
    RetentionRule closedTalentRequests() {
        return RetentionRule.of("talent-request", "talent_request", "status in ('ASSIGNED', 'WITHDRAWN')", Period.ofYears(1));
    }
}
