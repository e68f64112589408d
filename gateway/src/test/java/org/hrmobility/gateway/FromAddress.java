package org.hrmobility.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * A real HTTP client whose connections leave from a loopback address of the test's choice (127.0.0.2, 127.0.0.3...),
 * so the gateway sees callers at different addresses without any header saying so.
 */
final class FromAddress {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    record Answer(int status, HttpHeaders headers, Map<String, Object> body) {
    }

    private final WebClient client;

    FromAddress(String source, int gatewayPort) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(source, 0));
        this.client = WebClient.builder().baseUrl("http://127.0.0.1:" + gatewayPort).clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** GET with this bearer token (none when null) and these extra headers (name, value, name, value...). */
    Answer get(String path, String token, String... headers) {
        return client.get().uri(path).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                })
                .exchangeToMono(response -> {
                    boolean json = response.headers().contentType().map(type -> type.getSubtype().endsWith("json")).orElse(false);
                    Mono<Map<String, Object>> body = json ? response.bodyToMono(JSON)
                            : response.bodyToMono(String.class).map(text -> Map.<String, Object>of("text", text));
                    return body.defaultIfEmpty(Map.of())
                            .map(read -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), read));
                })
                .block(Duration.ofSeconds(10));
    }
}
