package org.hrmobility.kit.problem;

import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.failure.TransientFailures;
import org.hrmobility.kit.observability.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the web layer into problem+json: validation with the fields, the suite's
 * own problems, HTTP errors of the framework, concurrent updates, and, for anything else, a 500 that says
 * nothing of the cause (the log has it, under the request's trace id). Runs before Boot's error handler.
 */
public class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    static final int RETRY_AFTER_SECONDS = 2;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        // what is logged here carries the request's trace id, which the answer tells the client to quote
        return Mono.deferContextual(context ->
                ProblemWriter.write(exchange, TraceContext.within(context, () -> problemFor(ex, exchange))));
    }

    Problem problemFor(Throwable ex, ServerWebExchange exchange) {
        if (ex instanceof DomainException refusal) {
            Problem problem = Problem.of(HttpStatus.valueOf(refusal.status()), refusal.slug(), refusal.title(),
                    refusal.getMessage());
            return refusal.ruleId().map(rule -> problem.with("rule", rule)).orElse(problem);
        }
        if (ex instanceof WebExchangeBindException invalid) {
            Object body = invalid.getTarget();
            return validation(invalid.getFieldErrors().stream().map(error -> fieldError(error, body)).toList());
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return validation(invalid.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(e -> Map.<String, Object>of(
                            "field", r.getMethodParameter().getParameterName(),
                            "message", String.valueOf(e.getDefaultMessage()))))
                    .toList());
        }
        if (ex instanceof ConstraintViolationException invalid) {
            // a @Validated controller's parameters are checked by method validation before the handler runs
            return validation(invalid.getConstraintViolations().stream().map(v -> Map.<String, Object>of(
                    "field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage())).toList());
        }
        if (ex instanceof ServerWebInputException input) {
            return malformed(input);
        }
        if (ex instanceof ResponseStatusException status) {
            // what the status calls for: Allow with a 405 (RFC 9110), Accept with a 415
            exchange.getResponse().getHeaders().addAll(status.getHeaders());
            return httpProblem(status.getStatusCode(),
                    status instanceof UnsupportedMediaTypeStatusException unsupported ? unsupported(unsupported) : status.getReason());
        }
        if (ex instanceof AuthenticationServiceException) {
            log.warn("Cannot validate tokens: {}", ex.getMessage());
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "token-validation-unavailable",
                    "Token validation unavailable", "Tokens cannot be validated right now; try again shortly.");
        }
        if (ex instanceof OptimisticLockingFailureException || ex instanceof DuplicateKeyException) {
            return Problem.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
                    "Someone else changed this at the same moment. Read it again and retry if it still applies.");
        }
        if (isCalendarOverflow(ex)) {
            // a date near the calendar's limits (year 999999999) overflows the services' date arithmetic
            log.warn("A date out of range answering {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    ex.toString());
            return Problem.of(HttpStatus.BAD_REQUEST, "date-out-of-range", "Date out of range",
                    "A date in the request lies too far from today for this service's calendar; check its year.");
        }
        if (TransientFailures.isTransient(ex)) {
            // the database or the broker is away for a moment: the client may retry, and must not read it as a bug
            log.warn("Cannot answer {} {} for now: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    ex.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "Temporarily unavailable",
                    "The service cannot reach its database or broker right now; nothing was changed. Retry in a few seconds.");
        }
        log.error("Unexpected error answering {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), ex);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. It has been logged; quote the trace id if you contact support.");
    }

    /**
     * A body that cannot be read, or a path or query parameter that is not of its type: the parameter or the body's
     * field is named with the form it takes (Spring's own reasons say only "Type mismatch." and "Failed to read HTTP
     * message"), and listed as in a validation error.
     */
    private static Problem malformed(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        if (input.getCause() instanceof TypeMismatchException mismatch && parameter != null && parameter.getParameterName() != null) {
            String name = parameter.getParameterName();
            String message = "must be " + ParameterForms.of(mismatch.getRequiredType());
            return malformed(name + " " + message + ".", name, message);
        }
        return UnreadableBody.of(input).map(body -> malformed(body.detail(), body.field(), body.message()))
                .orElseGet(() -> malformed(input.getReason() == null ? "The request could not be read." : input.getReason(), null, null));
    }

    /** The malformed-request problem, with the one field it names (if any) listed as a validation error lists it. */
    private static Problem malformed(String detail, String field, String message) {
        Problem problem = Problem.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
        return field == null ? problem : problem.with("errors", List.of(Map.of("field", field, "message", message)));
    }

    /** Spring's reason names the body's Java type; the client needs the types it may send. */
    private static String unsupported(UnsupportedMediaTypeStatusException unsupported) {
        String supported = unsupported.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
        return unsupported.getContentType() == null ? "Send the body as " + supported + "."
                : "Content type '" + unsupported.getContentType() + "' is not supported here; send " + supported + ".";
    }

    private static Problem validation(List<Map<String, Object>> errors) {
        return Problem.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        "Some fields are missing or invalid; see errors.")
                .with("errors", errors);
    }

    /**
     * A date pushed past year 999999999 by the services' arithmetic; any other {@link DateTimeException} (a parse of
     * stored text, a zone, an unsupported unit) is a bug of ours and stays a 500 with its stack trace in the log.
     */
    private static boolean isCalendarOverflow(Throwable ex) {
        return ex.getClass() == DateTimeException.class && ex.getMessage() != null
                && (ex.getMessage().startsWith("Invalid value for Year")
                        || ex.getMessage().startsWith("Invalid value for EpochDay"));
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * A field of the body with its message; a check across fields (an {@code @AssertTrue} method such as
     * {@code isPeriodValid}) is not a field the client sent, so it is listed with its message alone.
     */
    private static Map<String, Object> fieldError(FieldError error, Object body) {
        String message = String.valueOf(error.getDefaultMessage());
        return body == null || BodyFields.has(body.getClass(), error.getField()) ? Map.of("field", error.getField(), "message", message)
                : Map.of("message", message);
    }

    private static Problem httpProblem(HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.NOT_FOUND) {
            return Problem.of(status, "not-found", "Not found", "There is nothing at this address.");
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, status.getReasonPhrase(), reason);
    }

    @Override
    public int getOrder() {
        // before Boot's DefaultErrorWebExceptionHandler (-1), which would answer with its own JSON
        return -2;
    }
}
