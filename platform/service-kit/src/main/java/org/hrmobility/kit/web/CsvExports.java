package org.hrmobility.kit.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a GET with {@code ?format=csv} (a link a browser can follow) or {@code Accept: text/csv} into an export: the list
 * answers as usual (JSON, its own filters and access, all its rows through {@link Export}), and its answer is written as
 * a CSV download named after the list ({@link CsvWriter}). An error answers as problem+json, as it would otherwise.
 */
public class CsvExports implements WebFilter, Ordered {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final CsvWriter csv;

    public CsvExports(CsvWriter csv) {
        this.csv = csv;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET || !wantsCsv(request)) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        ServerWebExchange asJson = exchange.mutate()
                .request(r -> r.headers(h -> h.setAccept(List.of(MediaType.APPLICATION_JSON))))
                .response(new AsCsv(response, fileName(request.getPath().value())))
                .build();
        return chain.filter(asJson).contextWrite(context -> context.put(Export.class, new Export(Export.MAX_ROWS)));
    }

    /** Writes a successful JSON answer as CSV; anything else as it is. */
    private final class AsCsv extends ServerHttpResponseDecorator {

        private final String fileName;

        AsCsv(ServerHttpResponse delegate, String fileName) {
            super(delegate);
            this.fileName = fileName;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            MediaType type = getHeaders().getContentType();
            boolean json = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
            if (!json || getStatusCode() != null && !getStatusCode().is2xxSuccessful()) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                byte[] table = csv.fromJson(bytes);
                getHeaders().setContentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8));
                getHeaders().setContentLength(table.length);
                getHeaders().setContentDisposition(ContentDisposition.attachment().filename(fileName).build());
                return super.writeWith(Mono.just(bufferFactory().wrap(table)));
            });
        }
    }

    private static boolean wantsCsv(ServerHttpRequest request) {
        if ("csv".equalsIgnoreCase(request.getQueryParams().getFirst("format"))) {
            return true;
        }
        return request.getHeaders().getAccept().stream().anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardType());
    }

    static String fileName(String path) {
        String[] parts = path.replaceAll("/+$", "").split("/");
        String last = parts.length == 0 ? "export" : parts[parts.length - 1];
        return (last.isBlank() ? "export" : last.replaceAll("[^A-Za-z0-9._-]", "_")) + ".csv";
    }

    @Override
    public int getOrder() {
        // after the security chain: an export is a list like any other, for those who may read it
        return 10;
    }
}
