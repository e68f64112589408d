package org.hrmobility.console.figures;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart as server-rendered SVG: no chart library and no script. The SVG has a title and a description
 * for screen readers ({@code role="img"}); the page shows the same figures in a table beside it.
 */
public record BarChart(String id, String title, List<Bar> bars) {

    public record Bar(String label, double value, String shown) {
    }

    private static final int ROW = 28;
    private static final int LABEL = 220;
    private static final int WIDTH = 640;

    public String svg() {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int height = Math.max(1, bars.size()) * ROW + 10;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" aria-labelledby=\"").append(id)
                .append("-t ").append(id).append("-d\">");
        out.append("<title id=\"").append(id).append("-t\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-d\">");
        bars.forEach(b -> out.append(escape(b.label())).append(": ").append(escape(b.shown())).append(". "));
        out.append("</desc>");
        int y = 5;
        for (Bar bar : bars) {
            int length = max <= 0 ? 0 : (int) Math.round((WIDTH - LABEL - 70) * bar.value() / max);
            out.append("<text x=\"0\" y=\"").append(y + 18).append("\">").append(escape(bar.label())).append("</text>");
            out.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(length, 1))
                    .append("\" height=\"18\" fill=\"#0b4f8a\"></rect>");
            out.append("<text x=\"").append(LABEL + Math.max(length, 1) + 6).append("\" y=\"").append(y + 18).append("\">")
                    .append(escape(bar.shown())).append("</text>");
            y += ROW;
        }
        out.append("</svg>");
        return out.toString();
    }

    static String number(double value, Locale locale) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(locale, "%.1f", value);
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
