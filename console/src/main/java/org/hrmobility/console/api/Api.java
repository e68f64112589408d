package org.hrmobility.console.api;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The suite's API through the gateway, with the signed-in person's access token (the WebClient's OAuth2 filter takes
 * it from the session). Reads fail with {@link ApiProblem} (a 404 for what the person may not see); commands answer an
 * {@link Answer} with the problem, for the form to show. A 401 means the token is no longer accepted: the person logs
 * in again (Spring Security redirects on {@link ClientAuthorizationRequiredException}) and comes back to the page.
 */
@Component
public class Api {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
    };
    static final String REGISTRATION = "hrm";

    private final WebClient gateway;

    public Api(WebClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    /** One object; {@link ApiProblem} when the API refuses. */
    public Mono<Map<String, Object>> get(String uri, Object... variables) {
        return gateway.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> read(response, OBJECT))
                .onErrorMap(WebClientRequestException.class, Api::unreachable);
    }

    /** A list answered as a JSON array. */
    public Mono<List<Map<String, Object>>> list(String uri, Object... variables) {
        return gateway.get().uri(uri, variables).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> read(response, LIST))
                .onErrorMap(WebClientRequestException.class, Api::unreachable);
    }

    /** One object, or empty when the API has nothing there (404): for optional parts of a page. */
    public Mono<Map<String, Object>> find(String uri, Object... variables) {
        return get(uri, variables).onErrorResume(ApiProblem.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e));
    }

    public Mono<Answer> post(String uri, Object body, Object... variables) {
        return send(HttpMethod.POST, uri, body, variables);
    }

    public Mono<Answer> put(String uri, Object body, Object... variables) {
        return send(HttpMethod.PUT, uri, body, variables);
    }

    /** The person's live notifications, from {@code lastEventId} on when given. */
    public Flux<ServerSentEvent<Map<String, Object>>> notifications(String lastEventId) {
        return gateway.get().uri("/api/notifications/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null && !lastEventId.isBlank()) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchangeToFlux(response -> response.statusCode().is2xxSuccessful() ? response.bodyToFlux(EVENT)
                        : response.bodyToMono(OBJECT).defaultIfEmpty(Map.of())
                        .flatMapMany(body -> Flux.error(failure(response.statusCode().value(), body))));
    }

    private Mono<Answer> send(HttpMethod method, String uri, Object body, Object[] variables) {
        WebClient.RequestBodySpec request = gateway.method(method).uri(uri, variables).accept(MediaType.APPLICATION_JSON);
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return withBody.exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
                    Mono<Map<String, Object>> read = response.bodyToMono(OBJECT).onErrorResume(e -> Mono.empty());
                    if (status == HttpStatus.UNAUTHORIZED.value()) {
                        return response.releaseBody().then(Mono.error(new ClientAuthorizationRequiredException(REGISTRATION)));
                    }
                    return read.map(b -> answer(status, b, location)).defaultIfEmpty(answer(status, null, location));
                })
                .onErrorResume(WebClientRequestException.class, e -> Mono.just(new Answer(503, null, null, unreachable(e).problem())));
    }

    private static Answer answer(int status, Map<String, Object> body, String location) {
        return status < 400 ? new Answer(status, body, location, null) : new Answer(status, body, location, Problem.of(status, body));
    }

    private static <T> Mono<T> read(ClientResponse response, ParameterizedTypeReference<T> type) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return response.releaseBody().then(Mono.error(new ClientAuthorizationRequiredException(REGISTRATION)));
        }
        return response.bodyToMono(OBJECT).onErrorResume(e -> Mono.empty()).defaultIfEmpty(Map.of())
                .flatMap(body -> Mono.error(failure(status, body)));
    }

    private static RuntimeException failure(int status, Map<String, Object> body) {
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return new ClientAuthorizationRequiredException(REGISTRATION);
        }
        return new ApiProblem(Problem.of(status, body));
    }

    private static ApiProblem unreachable(WebClientRequestException e) {
        return new ApiProblem(Problem.unavailable("The gateway does not answer. Try again shortly."));
    }
}
