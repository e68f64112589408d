package org.hrmobility.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hrm.gateway.*}: where the services are, how long to wait for them, and what a client may send.
 *
 * @param services         base URL per service name (mobility, redeployment, evaluation, notification)
 * @param instances        when a service runs as several instances: the base URL of each; its routes then balance
 *                         between them (round robin), and a refused connection goes to the next one
 * @param requestsPerSecond sustained requests per second per client (token subject, else address), with
 *                          {@code burst} more at once
 * @param maxInFlight      requests in flight to one service at most; past it, 503 with Retry-After at once
 */
@ConfigurationProperties("hrm.gateway")
public record GatewaySettings(Map<String, String> services,
                              Map<String, List<String>> instances,
                              @DefaultValue("1s") Duration connectTimeout,
                              @DefaultValue("10s") Duration responseTimeout,
                              @DefaultValue("20") int requestsPerSecond,
                              @DefaultValue("40") int burst,
                              @DefaultValue("1MB") DataSize maxRequestSize,
                              @DefaultValue Breaker breaker,
                              @DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> corsOrigins,
                              @DefaultValue("64") int maxInFlight) {

    /** The circuit breaker in front of each service. */
    public record Breaker(@DefaultValue("10") int window,
                          @DefaultValue("5") int minimumCalls,
                          @DefaultValue("50") float failureRatePercent,
                          @DefaultValue("10s") Duration openFor) {
    }

    public GatewaySettings {
        services = services == null ? Map.of() : Map.copyOf(services);
        instances = instances == null ? Map.of() : Map.copyOf(instances);
    }
}
