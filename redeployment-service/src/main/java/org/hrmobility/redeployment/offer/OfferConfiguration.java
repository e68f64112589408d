package org.hrmobility.redeployment.offer;

import java.time.Period;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OfferConfiguration {

    @Bean
    OfferPolicy offerPolicy(@Value("${hrm.redeployment.offer.response-time:P14D}") Period responseTime,
                            @Value("${hrm.redeployment.offer.reminder-before:P3D}") Period reminderBefore) {
        return new OfferPolicy(responseTime, reminderBefore);
    }
}
