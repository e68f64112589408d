package org.hrmobility.console.api;

import java.util.Map;

/**
 * What a command answered: its status and body, the {@code Location} of what it created, or the problem it refused
 * with. Forms show the problem; on success the page is shown again (post, redirect, get).
 */
public record Answer(int status, Map<String, Object> body, String location, Problem problem) {

    public boolean ok() {
        return problem == null;
    }

    /** The last segment of {@code Location}: the id of what was created. */
    public String createdId() {
        if (location == null) {
            return body == null || body.get("id") == null ? null : body.get("id").toString();
        }
        String path = location.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
