package org.hrmobility.console.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the page: WCAG 2.0 and 2.1, levels A and AA. The script is the npm package's axe.min.js, fetched at
 * build time (target/axe); it is injected by WebDriver, which the page's Content-Security-Policy does not restrict.
 */
final class Axe {

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))
              .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
            """;

    private final String source;
    private final List<String> checked = new ArrayList<>();

    Axe(Path script) {
        try {
            this.source = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is fetched at build time into " + script + " (npm pack axe-core)", e);
        }
    }

    /** The violations on the page now, one line each; empty when axe finds none. */
    @SuppressWarnings("unchecked")
    List<String> violations(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(source);
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        synchronized (checked) {
            checked.add(page);
        }
        return found.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " " + v.get("nodes")).toList();
    }

    List<String> checked() {
        synchronized (checked) {
            return List.copyOf(checked);
        }
    }
}
