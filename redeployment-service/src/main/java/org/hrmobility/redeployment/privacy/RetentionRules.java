package org.hrmobility.redeployment.privacy;

import java.time.Period;

import org.hrmobility.kit.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-PRV-2: how long this service keeps what it holds about people after it is closed (grounds in docs/privacy.md). */
@Configuration(proxyBeanMethods = false)
class RetentionRules {

    /** A case closed or ended in a placement: 5 years, as the HR file it belongs to. */
    @Bean
    RetentionRule closedCases() {
        return RetentionRule.of("redeployment-case", "redeployment_case", "status in ('CLOSED', 'PLACED')", Period.ofYears(5));
    }
}
