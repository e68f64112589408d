package org.hrmobility.notification.webhook;

import org.hrmobility.kit.security.ProductionSettings;
import org.hrmobility.notification.NotificationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    WebhookSecrets webhookSecrets(NotificationSettings settings, Environment env) {
        if (env.matchesProfiles(ProductionSettings.PROFILE) && settings.webhooks().encryptionKeys().isBlank()) {
            // the development key is a public constant: in production it would leave the secrets as good as plain text
            throw new IllegalStateException("Refusing to start with the production profile: HRM_NOTIFICATION_WEBHOOKS_ENCRYPTION_KEYS "
                    + "is not set (id:base64key, 32 random bytes: openssl rand -base64 32)");
        }
        return WebhookSecrets.of(settings.webhooks().encryptionKeys());
    }

    @Bean
    WebhookSender webhookSender(NotificationSettings settings) {
        return new WebhookSender(settings.webhooks().timeout(), null);
    }
}
