package org.hrmobility.kit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hrmobility.kit.domain.DomainException;

import reactor.core.publisher.Mono;

/**
 * The versions of the aggregates one request read or changed, and the versions its {@code If-Match} header allows.
 * {@link ConditionalRequests} puts one into every request's Reactor context; the kit's decision loop checks a command
 * against it (412 for a stale version) and records what it saw, and the answer carries the {@code ETag} of the one
 * aggregate a request was about. A request that touched several aggregates answers no ETag.
 */
public final class Versions {

    private final List<String> ifMatch;
    private final Map<String, Integer> seen = new LinkedHashMap<>();

    Versions(String ifMatchHeader) {
        this.ifMatch = parse(ifMatchHeader);
    }

    /** 412: the client changes what it read at a version that is no longer the current one. */
    public static final class PreconditionFailedException extends DomainException {
        PreconditionFailedException(String what, int current) {
            super(412, "precondition-failed", "Precondition failed",
                    "The " + what + " changed since you read it (it is at version " + current + " now); read it again "
                            + "and retry if your change still applies.", null);
        }
    }

    /** Records the version of an aggregate the request read or saved (its ETag, if it is the only one). */
    public static Mono<Void> seen(String type, Object id, int version) {
        return current().doOnNext(v -> v.record(type + ":" + id, version)).then();
    }

    /**
     * Refuses a command on an aggregate at {@code version} when the request's {@code If-Match} names none of it; a
     * request without {@code If-Match} is not conditional.
     */
    public static Mono<Void> requireMatch(String type, Object id, int version) {
        return current().doOnNext(v -> {
            if (!v.matches(version)) {
                throw new PreconditionFailedException(type, version);
            }
        }).then();
    }

    static Mono<Versions> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.getOrEmpty(Versions.class)));
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    synchronized void record(String key, int version) {
        seen.put(key, version);
    }

    synchronized boolean matches(int version) {
        return ifMatch == null || ifMatch.contains("*") || ifMatch.contains(etag(version));
    }

    /** The ETag of the one aggregate this request was about. */
    synchronized Optional<String> etag() {
        return seen.size() == 1 ? Optional.of(etag(seen.values().iterator().next())) : Optional.empty();
    }

    private static List<String> parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            // a weak tag never matches If-Match (RFC 9110, strong comparison)
            if (!t.isEmpty() && !t.startsWith("W/")) {
                tags.add(t);
            }
        }
        return tags;
    }
}
