package org.hrmobility.gateway.observability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hrmobility.gateway.GatewaySettings;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} shows each service's state, read from its readiness probe. The gateway's own
 * readiness does not include them: a service being down must not take the front door down with it.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    CompositeReactiveHealthContributor services(GatewaySettings settings) {
        WebClient client = WebClient.create();
        Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
        settings.services().forEach((service, url) -> indicators.put(service, () -> client.get()
                .uri(url + "/actuator/health/readiness").retrieve().toBodilessEntity()
                .map(response -> Health.up().build())
                .timeout(TIMEOUT)
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()))));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }
}
