package org.hrmobility.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The kit's HTTP contract, proved on a real command of each service: {@code ETag} and {@code If-Match} (412 when
 * stale) and {@code Idempotency-Key} (the first answer replayed, 422 for another request under the same key, a burst of
 * duplicates acting once). Every service's ITs call it with their own resources; the kit implements it once.
 */
public final class HttpContract {

    /** An HTTP answer as the checks need it. */
    public record Answer(int status, HttpHeaders headers, String body) {
    }

    private final WebClient client;
    private final String bearer;

    /** {@code baseUrl} is the service's API root, e.g. {@code http://localhost:1234/api/redeployment}. */
    public HttpContract(String baseUrl, String token) {
        this.client = WebClient.create(baseUrl);
        this.bearer = TestTokens.bearer(token);
    }

    public Answer get(String path) {
        return exchange(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer)).block();
    }

    public Answer post(String path, Object body, Map<String, String> headers) {
        return send(path, body, headers).block();
    }

    /**
     * {@code read} answers the aggregate with its ETag; {@code command} changes it. A stale If-Match is refused with 412
     * and changes nothing; the current one goes through and the answer carries the next ETag.
     */
    public void ifMatch(String read, String command, Object body) {
        Answer before = get(read);
        assertThat(before.status()).as("GET %s", read).isEqualTo(200);
        String etag = before.headers().getETag();
        assertThat(etag).as("ETag of %s", read).matches("\"\\d+\"");
        String stale = "\"" + (Integer.parseInt(etag.replace("\"", "")) - 1) + "\"";

        Answer refused = post(command, body, Map.of(HttpHeaders.IF_MATCH, stale));
        assertThat(refused.status()).as("stale If-Match: %s", refused.body()).isEqualTo(412);
        assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body()).contains("precondition-failed");
        assertThat(get(read).headers().getETag()).as("a refused command changes nothing").isEqualTo(etag);

        Answer accepted = post(command, body, Map.of(HttpHeaders.IF_MATCH, etag));
        assertThat(accepted.status()).as("current If-Match: %s", accepted.body()).isBetween(200, 299);
        assertThat(accepted.headers().getETag()).isNotNull().isNotEqualTo(etag);
        assertThat(get(read).headers().getETag()).isEqualTo(accepted.headers().getETag());
    }

    /**
     * {@code create} is a POST that creates something {@code count} counts. The same key with the same body replays
     * the first answer (status, body, Location) without creating again; another body under the key answers 422; five
     * duplicates sent at once create one thing and all get its answer.
     */
    public void idempotencyKey(String create, Object body, Object otherBody, LongSupplier count) {
        long before = count.getAsLong();
        Map<String, String> key = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());

        Answer first = post(create, body, key);
        assertThat(first.status()).as("first: %s", first.body()).isBetween(200, 299);
        Answer again = post(create, body, key);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().getFirst(HttpHeaders.LOCATION)).isEqualTo(first.headers().getFirst(HttpHeaders.LOCATION));
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count.getAsLong()).as("a replay acts not again").isEqualTo(before + 1);

        Answer reused = post(create, otherBody, key);
        assertThat(reused.status()).as("another body under the same key").isEqualTo(422);
        assertThat(reused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reused.body()).contains("idempotency-key-reused");
        assertThat(count.getAsLong()).isEqualTo(before + 1);

        Map<String, String> burstKey = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
        List<Answer> burst = Flux.range(0, 5).flatMap(i -> send(create, otherBody, burstKey), 5).collectList().block();
        assertThat(burst).extracting(Answer::status).as("a burst of duplicates: %s", burst).containsOnly(first.status());
        assertThat(burst).extracting(Answer::body).as("all get the one answer").containsOnly(burst.get(0).body());
        assertThat(count.getAsLong()).as("a burst of duplicates acts once").isEqualTo(before + 2);
    }

    private Mono<Answer> send(String path, Object body, Map<String, String> headers) {
        return exchange(client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer)
                .headers(h -> headers.forEach(h::set)).bodyValue(body));
    }

    private static Mono<Answer> exchange(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                .map(b -> new Answer(r.statusCode().value(), r.headers().asHttpHeaders(), b)));
    }
}
