package org.hrmobility.redeployment.casefile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** R-RED-5: looks for offers to remind or expire every {@code hrm.redeployment.deadline-check}. */
@Component
class OfferDeadlines {

    private static final Logger log = LoggerFactory.getLogger(OfferDeadlines.class);

    private final CaseService cases;

    OfferDeadlines(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelayString = "${hrm.redeployment.deadline-check:PT1M}", initialDelayString = "PT10S")
    void check() {
        Long changed = cases.applyDeadlines().block();
        if (changed != null && changed > 0) {
            log.info("Offer deadlines: {} case(s) reminded or expired", changed);
        }
    }
}
