package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsSectionTest {

    private final DocsSection figures = DocsSection.named("figures", "SomeRun");
    private final DocsSection other = DocsSection.named("figures durable", "SomeRun");

    @Test
    @DisplayName("a run's section is replaced between its markers, the rest of the page and other sections kept")
    void replacesInPlace(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "# Page\n\nBefore.\n\n" + figures.startMarker() + "\nold\n" + figures.endMarker() + "\n\nAfter.\n");

        figures.write(page, "new\n");
        other.write(page, "beside\n");
        other.write(page, "beside, again\n");

        assertThat(Files.readString(page)).isEqualTo("# Page\n\nBefore.\n\n<!-- figures: written by SomeRun, do not edit by hand -->\nnew\n"
                + "<!-- /figures -->\n\nAfter.\n\n<!-- figures durable: written by SomeRun, do not edit by hand -->\nbeside, again\n"
                + "<!-- /figures durable -->\n");
    }

    @Test
    @DisplayName("the first run on a page without its markers, or without the page, appends its section")
    void appendsTheFirstTime(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("new.md");
        figures.write(page, "first\n");
        assertThat(Files.readString(page)).isEqualTo(figures.startMarker() + "\nfirst\n" + figures.endMarker() + "\n");
    }
}
