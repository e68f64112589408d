package org.hrmobility.notification.webhook;

import org.hrmobility.notification.NotificationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** One breaker per endpoint (named by subscription id), all with the settings of {@code hrm.notification.webhooks.breaker}. */
    @Bean
    CircuitBreakerRegistry webhookBreakers(NotificationSettings settings) {
        NotificationSettings.Breaker breaker = settings.webhooks().breaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(Throwable.class)
                .build());
    }

    /** Where endpoint names are resolved: the system's resolver (tests put one of their own first). */
    @Bean
    HostResolver webhookHostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    WebhookSecrets webhookSecrets(NotificationSettings settings) {
        return WebhookSecrets.of(settings.webhooks().encryptionKeys());
    }

    @Bean
    WebhookSender webhookSender(NotificationSettings settings) {
        return new WebhookSender(settings.webhooks().timeout(), null);
    }
}
