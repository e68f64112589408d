package org.hrmobility.websecurity.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem as the suite answers it, at the gateway and in every service. {@code type} is stable per
 * kind of problem, one per rule refusal ({@code https://hrmobility.org/problems/offer-grade-too-high}); extra
 * members such as {@code rule}, {@code errors} or {@code service} follow the standard ones.
 */
public record Problem(URI type, String title, HttpStatus status, String detail, Map<String, Object> extensions) {

    public static final String BASE = "https://hrmobility.org/problems/";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(HttpStatus status, String slug, String title, String detail) {
        return new Problem(URI.create(BASE + slug), title, status, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The JSON members in RFC order, then the extensions (a new, modifiable map). */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", instance);
        body.putAll(extensions);
        return body;
    }
}
