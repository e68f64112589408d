package org.hrmobility.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hrmobility.gateway.GatewaySettings;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * Every route of the suite. Each service's routes sit behind a circuit breaker of its own (open: an immediate 503
 * naming the service) with connect and response timeouts; only safe methods are retried, on a failed connection
 * or a 502/503/504. The live notification stream has no response timeout, no time limit and no retry, and
 * passes unbuffered.
 * Each service's OpenAPI description is also routed, for the combined API docs.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    /** The public path of each service's API, by service name. */
    static final Map<String, String> API_PATHS = apiPaths();

    private static Map<String, String> apiPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("mobility", "/api/mobility/**");
        paths.put("redeployment", "/api/redeployment/**");
        paths.put("evaluation", "/api/evaluations/**");
        paths.put("notification", "/api/notifications/**");
        return paths;
    }

    @Bean
    RouteLocator hrmRoutes(RouteLocatorBuilder builder, GatewaySettings settings) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        routes.route("notification-stream", r -> r.path("/api/notifications/stream")
                .filters(f -> f.circuitBreaker(c -> c.setName("notification-stream").setFallbackUri("forward:/fallback/notification")))
                .metadata(RESPONSE_TIMEOUT_ATTR, -1)
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .uri(url(settings, "notification")));
        API_PATHS.forEach((service, path) -> {
            routes.route(service, r -> r.path(path)
                    .filters(f -> f
                            .circuitBreaker(c -> c.setName(service).setFallbackUri("forward:/fallback/" + service))
                            .retry(retry -> retry.setRetries(2)
                                    .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                                    // a refused or reset connection; not a timeout, which would only triple the wait
                                    .setExceptions(IOException.class)
                                    .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false)))
                    .metadata(RESPONSE_TIMEOUT_ATTR, (int) settings.responseTimeout().toMillis())
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .uri(url(settings, service)));
            routes.route(service + "-api-docs", r -> r.path("/v3/api-docs/" + service)
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .uri(url(settings, service)));
        });
        return routes.build();
    }

    /**
     * Each service's breaker: opens at {@code failure-rate-percent} failures among the last {@code window} calls
     * (after {@code minimum-calls}), stays open {@code open-for}. Its time limit leaves room for the route's own
     * response timeout and retries; the stream has none.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> breakers(GatewaySettings settings) {
        GatewaySettings.Breaker breaker = settings.breaker();
        CircuitBreakerConfig circuit = CircuitBreakerConfig.custom()
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        TimeLimiterConfig limit = TimeLimiterConfig.custom()
                .timeoutDuration(settings.responseTimeout().multipliedBy(3).plusSeconds(1)).build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(circuit).timeLimiterConfig(limit).build());
    }

    private static String url(GatewaySettings settings, String service) {
        String url = settings.services().get(service);
        if (url == null) {
            throw new IllegalStateException("hrm.gateway.services." + service + " is not set: where does the " + service
                    + " service run?");
        }
        return url;
    }
}
