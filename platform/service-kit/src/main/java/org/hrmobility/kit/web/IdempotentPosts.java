package org.hrmobility.kit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.hrmobility.kit.problem.Problem;
import org.hrmobility.kit.problem.ProblemExceptionHandler;
import org.hrmobility.kit.problem.ProblemWriter;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on every POST: the same key from the same caller with the same request returns the first
 * answer (status, body, {@code Location}, {@code ETag}) without acting again; the same key with another request answers
 * 422. A repeat that arrives while the first is still running waits for its answer. The first answer is kept for
 * 24 hours; an answer of 5xx is not kept, so the client's retry runs the command again.
 */
public class IdempotentPosts implements WebFilter, Ordered {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Duration WAIT_STEP = Duration.ofMillis(50);
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(10);

    private final IdempotencyKeys keys;
    private final ProblemExceptionHandler problems;

    public IdempotentPosts(IdempotencyKeys keys, ProblemExceptionHandler problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Invalid Idempotency-Key", "An Idempotency-Key is 1 to 255 visible ASCII characters."));
        }
        return keyed(exchange, chain, key);
    }

    private Mono<Void> keyed(ServerWebExchange exchange, WebFilterChain chain, String key) {
        return exchange.getPrincipal().map(Principal::getName).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(subject -> subject.isEmpty() ? chain.filter(exchange) : body(exchange).flatMap(body -> {
                    String hash = hash(exchange, body);
                    return keys.claim(subject.get(), key, hash).flatMap(first -> first
                            ? runFirst(exchange.mutate().request(withBody(exchange, body)).build(), chain, subject.get(), key)
                            : repeat(exchange, subject.get(), key, hash));
                }));
    }

    private static Mono<byte[]> body(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private Mono<Void> runFirst(ServerWebExchange exchange, WebFilterChain chain, String subject, String key) {
        Recording response = new Recording(exchange.getResponse());
        ServerWebExchange recorded = exchange.mutate().response(response).build();
        return chain.filter(recorded)
                .onErrorResume(e -> problems.handle(recorded, e))
                .then(Mono.defer(() -> {
                    HttpStatus status = HttpStatus.resolve(response.getStatusCode() == null ? 200 : response.getStatusCode().value());
                    if (status == null || status.is5xxServerError()) {
                        return keys.release(subject, key);
                    }
                    HttpHeaders headers = response.getHeaders();
                    return keys.complete(subject, key, status.value(),
                            headers.getContentType() == null ? null : headers.getContentType().toString(),
                            headers.getFirst(HttpHeaders.LOCATION), headers.getETag(), response.body());
                }))
                .onErrorResume(e -> keys.release(subject, key).then(Mono.error(e)));
    }

    /** A key seen before: another request (422), the first one's answer, or, while it runs, its answer when it comes. */
    private Mono<Void> repeat(ServerWebExchange exchange, String subject, String key, String hash) {
        return keys.find(subject, key)
                .repeatWhenEmpty(times -> times.delayElements(WAIT_STEP).take(3))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(first -> {
                    if (first.isPresent() && !first.get().requestHash().equals(hash)) {
                        return reused(exchange);
                    }
                    return keys.find(subject, key)
                            .filter(IdempotencyKeys.Answer::isComplete)
                            .repeatWhenEmpty(times -> times.delayElements(WAIT_STEP).take(WAIT_AT_MOST.toMillis() / WAIT_STEP.toMillis()))
                            .map(Optional::of).defaultIfEmpty(Optional.empty())
                            .flatMap(answer -> answer.isPresent() ? replay(exchange, answer.get()) : inProgress(exchange));
                });
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyKeys.Answer answer) {
        ServerHttpResponse response = exchange.getResponse();
        response.setRawStatusCode(answer.status());
        HttpHeaders headers = response.getHeaders();
        if (answer.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(answer.contentType()));
        }
        if (answer.location() != null) {
            headers.set(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            headers.setETag(answer.etag());
        }
        headers.set(REPLAYED, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static Mono<Void> reused(ServerWebExchange exchange) {
        return ProblemWriter.write(exchange, Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency-Key reused", "This Idempotency-Key was used for another request; use a new key for a new request."));
    }

    private static Mono<Void> inProgress(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return ProblemWriter.write(exchange, Problem.of(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                "Request in progress", "The first request with this Idempotency-Key is still running; retry shortly for its answer."));
    }

    private static String hash(ServerWebExchange exchange, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath() + "?"
                    + exchange.getRequest().getURI().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerHttpRequestDecorator withBody(ServerWebExchange exchange, byte[] body) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    /** The answer as it is written, kept to be stored. */
    private static final class Recording extends ServerHttpResponseDecorator {

        private byte[] body = new byte[0];

        Recording(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> chunks) {
            return DataBufferUtils.join(Flux.from(chunks)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                body = bytes;
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        byte[] body() {
            return body;
        }
    }

    @Override
    public int getOrder() {
        // after the security chain (the caller is known) and before ConditionalRequests, whose ETag it replays
        return -10;
    }
}
