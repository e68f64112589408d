package org.hrmobility.gateway.routing;

import java.util.Map;

import org.hrmobility.gateway.observability.CorrelationId;
import org.hrmobility.gateway.problem.Problems;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a client gets when a service does not answer (refused connection, timeout) or its breaker is open: at
 * once, a 503 problem naming the service, with {@code Retry-After}. The other services are not affected.
 */
@RestController
class Fallback {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String why = cause == null ? "does not answer" : switch (cause.getClass().getSimpleName()) {
            case "CallNotPermittedException" -> "is failing, so the gateway stopped calling it for a moment";
            case "TimeoutException" -> "did not answer in time";
            default -> "does not answer";
        };
        String instance = exchange.getAttributeOrDefault(CorrelationId.ORIGINAL_PATH, exchange.getRequest().getPath().value());
        Map<String, Object> body = Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "The " + service + " service " + why + ". Try again shortly; the rest of the suite works.", instance);
        body.put("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "10").body(body);
    }
}
