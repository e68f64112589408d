package org.hrmobility.gateway.limits;

import org.hrmobility.gateway.GatewaySettings;
import org.hrmobility.websecurity.problem.Problem;
import org.hrmobility.websecurity.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A request body larger than {@code hrm.gateway.max-request-size} is answered 413 problem+json before anything
 * reads it. A body without a length (chunked) cannot be judged so: it is answered 411, as HTTP allows; every
 * client of this API knows its body's length.
 *
 * <p>Not Spring Cloud Gateway's {@code RequestSize} filter: that one is a route filter (so not before
 * {@code /api/me} or the actuator), answers 413 with an empty body and an {@code errorMessage} header instead of
 * problem+json, and lets a body without {@code Content-Length} through unchecked.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    RequestSizeLimit(GatewaySettings settings) {
        this.maxBytes = settings.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length < 0 && exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.LENGTH_REQUIRED, "length-required", "Length required",
                    "Send the body with a Content-Length (at most " + maxBytes + " bytes)."));
        }
        if (length > maxBytes) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                    "The body has " + length + " bytes; at most " + maxBytes + " are accepted."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
