package org.hrmobility.kit.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The suite's RFC 9457 problem as the kit's code names it: a thin front for
 * {@link org.hrmobility.websecurity.problem.Problem}, the one problem type that the gateway and the services share
 * (platform/web-security). Everything is delegated; {@link #shared()} is the problem itself.
 */
public final class Problem {

    public static final String BASE = org.hrmobility.websecurity.problem.Problem.BASE;

    private final org.hrmobility.websecurity.problem.Problem shared;

    public Problem(URI type, String title, HttpStatus status, String detail, Map<String, Object> extensions) {
        this(new org.hrmobility.websecurity.problem.Problem(type, title, status, detail, extensions));
    }

    private Problem(org.hrmobility.websecurity.problem.Problem shared) {
        this.shared = shared;
    }

    public static Problem of(HttpStatus status, String slug, String title, String detail) {
        return new Problem(org.hrmobility.websecurity.problem.Problem.of(status, slug, title, detail));
    }

    public Problem with(String member, Object value) {
        return new Problem(shared.with(member, value));
    }

    /** The JSON members in RFC order, then the extensions. */
    public Map<String, Object> body(String instance) {
        return shared.body(instance);
    }

    public org.hrmobility.websecurity.problem.Problem shared() {
        return shared;
    }

    public URI type() {
        return shared.type();
    }

    public String title() {
        return shared.title();
    }

    public HttpStatus status() {
        return shared.status();
    }

    public String detail() {
        return shared.detail();
    }

    public Map<String, Object> extensions() {
        return shared.extensions();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Problem problem && shared.equals(problem.shared);
    }

    @Override
    public int hashCode() {
        return shared.hashCode();
    }

    @Override
    public String toString() {
        return shared.toString();
    }
}
