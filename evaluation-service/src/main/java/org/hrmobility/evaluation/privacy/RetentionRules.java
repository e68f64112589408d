package org.hrmobility.evaluation.privacy;

import java.time.Period;

import org.hrmobility.kit.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-PRV-2: how long this service keeps what it holds about people after it is closed (grounds in docs/privacy.md). */
@Configuration(proxyBeanMethods = false)
class RetentionRules {

    /** An evaluation file with no open follow-up, proposal or mandate, unchanged for 5 years. */
    @Bean
    RetentionRule quietEvaluationFiles() {
        return RetentionRule.of("evaluation-file", "evaluation_file",
                "state in ('NONE', 'FOLLOW_UP_CLOSED', 'DISMISSED', 'CONTRACTUAL_DISMISSAL_RECORDED')", Period.ofYears(5));
    }

    /** A probation that ended: 5 years, as the evaluation that ended it. */
    @Bean
    RetentionRule endedProbations() {
        return RetentionRule.of("probation", "probation", "not active", Period.ofYears(5));
    }
}
