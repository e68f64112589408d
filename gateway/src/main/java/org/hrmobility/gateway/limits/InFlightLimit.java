package org.hrmobility.gateway.limits;

import java.util.concurrent.Semaphore;

import org.hrmobility.gateway.problem.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * At most {@code max} requests in flight to one service: past its capacity a service only queues, every answer gets
 * slower and the timeouts start failing work it had nearly done. What is over the limit is answered at once with 503
 * and {@code Retry-After: 1} (the client should slow down), while the service keeps serving at its capacity and the
 * breaker stays shut: a busy service is not a broken one.
 */
public final class InFlightLimit implements GatewayFilter {

    private final String service;
    private final int max;
    private final Semaphore permits;
    private final Counter shed;

    public InFlightLimit(String service, int max, MeterRegistry meters) {
        this.service = service;
        this.max = max;
        this.permits = new Semaphore(max);
        this.shed = Counter.builder("hrm.gateway.shed").description("requests answered 503 because the service was at capacity")
                .tag("service", service).register(meters);
        Gauge.builder("hrm.gateway.in.flight", permits, p -> max - p.availablePermits())
                .description("requests in flight to the service").tag("service", service).register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!permits.tryAcquire()) {
            shed.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-at-capacity", "Service at capacity",
                    "The " + service + " service is answering " + max + " requests now, as many as it can; retry in a second.");
        }
        return chain.filter(exchange).doFinally(signal -> permits.release());
    }
}
