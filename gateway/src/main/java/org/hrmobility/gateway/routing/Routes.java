package org.hrmobility.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hrmobility.gateway.GatewaySettings;
import org.hrmobility.gateway.limits.InFlightLimit;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * Every route of the suite. Each service's routes sit behind a circuit breaker of its own (open: an immediate 503
 * naming the service) with connect and response timeouts; only safe methods are retried, on a failed connection
 * or a 502/503/504. The live notification stream has no response timeout, no time limit and no retry, and
 * passes unbuffered.
 * A service configured with several instances is balanced over them (round robin, Spring Cloud LoadBalancer); a
 * command whose connection was refused goes to the next instance, as it never reached a service.
 * Each service's OpenAPI description is also routed, for the combined API docs. The workbench API goes to the
 * notification service; the web console's pages and login paths to the console, which does its own session auth.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ConfiguredInstances.class)
class Routes {

    /** The public path of each service's API, by service name. */
    static final Map<String, String> API_PATHS = apiPaths();

    /**
     * The web console's pages and the OAuth2 login paths it answers (the authorization request, the identity
     * provider's redirect back, logout). The gateway does not check a token there: the console keeps its own session.
     */
    static final String[] CONSOLE_PATHS = {"/console", "/console/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout"};

    private static Map<String, String> apiPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("mobility", "/api/mobility/**");
        paths.put("redeployment", "/api/redeployment/**");
        paths.put("evaluation", "/api/evaluations/**");
        paths.put("notification", "/api/notifications/**");
        return paths;
    }

    @Bean
    RouteLocator hrmRoutes(RouteLocatorBuilder builder, GatewaySettings settings, MeterRegistry meters) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        Map<String, InFlightLimit> limits = new LinkedHashMap<>();
        API_PATHS.keySet().forEach(service -> limits.put(service, new InFlightLimit(service, settings.maxInFlight(), meters)));
        routes.route("notification-stream", r -> r.path("/api/notifications/stream")
                .filters(f -> f.circuitBreaker(c -> c.setName("notification-stream").setFallbackUri("forward:/fallback/notification")))
                .metadata(RESPONSE_TIMEOUT_ATTR, -1)
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .uri(url(settings, "notification")));
        // the workbench (worklist, timeline, deputies) is the notification service's; it shares that service's breaker
        apiRoute(routes, settings, "workbench", "/api/workbench/**", "notification", limits.get("notification"));
        // the console relays the person's live notifications: unbuffered, no response timeout, no breaker's time limit
        routes.route("console-stream", r -> r.path("/console/notifications/stream")
                .metadata(RESPONSE_TIMEOUT_ATTR, -1)
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .uri(url(settings, "console")));
        // pages and forms: a POST is never retried; X-Forwarded-* (application.yml) give the console the gateway's address
        routes.route("console", r -> r.path(CONSOLE_PATHS)
                .filters(f -> f.circuitBreaker(c -> c.setName("console").setFallbackUri("forward:/fallback/console")))
                .metadata(RESPONSE_TIMEOUT_ATTR, (int) settings.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .uri(url(settings, "console")));
        API_PATHS.forEach((service, path) -> {
            apiRoute(routes, settings, service, path, service, limits.get(service));
            routes.route(service + "-api-docs", r -> r.path("/v3/api-docs/" + service)
                    .filters(f -> f.setPath("/v3/api-docs"))
                    .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                    .uri(url(settings, service)));
        });
        return routes.build();
    }

    private static void apiRoute(RouteLocatorBuilder.Builder routes, GatewaySettings settings, String id, String path, String service,
                                 InFlightLimit limit) {
        routes.route(id, r -> r.path(path)
                .filters(f -> f
                        .filter(limit)
                        .circuitBreaker(c -> c.setName(service).setFallbackUri("forward:/fallback/" + service))
                        .retry(retry -> retry.setRetries(2)
                                .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                                // a service that answers 503 or times out is busy: retrying would only add to its load
                                .setSeries()
                                .setStatuses(HttpStatus.BAD_GATEWAY)
                                // a refused or reset connection; not a timeout, which would only triple the wait
                                .setExceptions(IOException.class)
                                .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false))
                        // a command whose connection was refused never reached the service: the next instance takes it
                        .retry(retry -> retry.setRetries(1)
                                .setMethods(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                                .setSeries()
                                .setStatuses()
                                .setExceptions(java.net.ConnectException.class)))
                .metadata(RESPONSE_TIMEOUT_ATTR, (int) settings.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis())
                .uri(url(settings, service)));
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
                // only a service that cannot be reached opens its breaker; a slow (busy) one is shed by InFlightLimit
                .recordException(Routes::unreachable)
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

    /** A refused or failed connection, an unknown host: the service is not there, not merely busy. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String url(GatewaySettings settings, String service) {
        if (ConfiguredInstances.balanced(settings, service)) {
            return "lb://" + service;
        }
        String url = settings.services().get(service);
        if (url == null) {
            throw new IllegalStateException("hrm.gateway.services." + service + " is not set: where does the " + service
                    + " service run?");
        }
        return url;
    }
}
