package org.hrmobility.console.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    @DisplayName("A chart is SVG with a title and a description naming every value (screen readers), bars in proportion, labels escaped")
    void svg() {
        String svg = new BarChart("pool", "Pool <size>", List.of(new BarChart.Bar("DEPT-WSE", 4, "4"), new BarChart.Bar("A&B", 2, "2"))).svg();

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-labelledby=\"pool-t pool-d\"")
                .contains("<title id=\"pool-t\">Pool &lt;size&gt;</title>").contains("DEPT-WSE: 4. A&amp;B: 2.");
        assertThat(svg).contains("width=\"350\"").contains("width=\"175\"");
    }
}
