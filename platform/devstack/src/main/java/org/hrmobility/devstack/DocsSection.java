package org.hrmobility.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A section of one of the repository's pages that a run writes itself (the chaos campaign's table, the performance
 * figures): what stands between two markers, replaced in place at each run with the rest of the page kept; appended,
 * markers and all, the first time. Lives here because the runs that write them (deploy/chaos, deploy/load, the
 * services' benchmarks) all build on the devstack.
 */
public record DocsSection(String startMarker, String endMarker) {

    /** Markers as HTML comments, invisible on the rendered page: {@code <!-- name: written by writer, do not edit by hand -->}. */
    public static DocsSection named(String name, String writer) {
        return new DocsSection("<!-- " + name + ": written by " + writer + ", do not edit by hand -->", "<!-- /" + name + " -->");
    }

    public void write(Path page, String markdown) throws IOException {
        String current = Files.exists(page) ? Files.readString(page) : "";
        String section = startMarker + "\n" + markdown + endMarker;
        int start = current.indexOf(startMarker);
        int end = current.indexOf(endMarker, Math.max(start, 0));
        String updated = start >= 0 && end > start
                ? current.substring(0, start) + section + current.substring(end + endMarker.length())
                : (current.isBlank() ? "" : current.stripTrailing() + "\n\n") + section + "\n";
        Files.writeString(page, updated);
    }
}
