package org.hrmobility.console.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.web.Fmt;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Figures for HR business partners (their entity) and case handlers: the redeployment pool, placements accepted and ex
 * officio, median days to placement and refusals; follow-ups open and dismissals mandated; mobility records and the
 * central funds committed. Each as bars (SVG) and as a table.
 */
@Controller
class FiguresController {

    private final Api api;
    private final MessageSource messages;
    private final Fmt fmt;

    FiguresController(Api api, MessageSource messages, Fmt fmt) {
        this.api = api;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/console/figures")
    Mono<Rendering> figures(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Mono.zip(api.list("/api/redeployment/figures"), api.list("/api/evaluations/figures"), api.list("/api/mobility/figures"))
                .map(t -> Rendering.view("figures/figures")
                        .modelAttribute("redeployment", t.getT1()).modelAttribute("evaluation", t.getT2()).modelAttribute("mobility", t.getT3())
                        .modelAttribute("charts", charts(t.getT1(), t.getT2(), t.getT3(), locale)).build());
    }

    List<BarChart> charts(List<Map<String, Object>> redeployment, List<Map<String, Object>> evaluation, List<Map<String, Object>> mobility,
                          Locale locale) {
        List<BarChart> charts = new ArrayList<>();
        charts.add(chart("pool", "figures.chart.pool", redeployment, "poolSize", locale));
        charts.add(chart("exofficio", "figures.chart.exOfficio", redeployment, "placedExOfficio", locale));
        charts.add(chart("accepted", "figures.chart.accepted", redeployment, "placedAccepted", locale));
        charts.add(chart("refusals", "figures.chart.refusals", redeployment, "refusals", locale));
        charts.add(chart("followups", "figures.chart.followUps", evaluation, "followUpsOpen", locale));
        charts.add(chart("mandated", "figures.chart.mandated", evaluation, "dismissalsMandated", locale));
        List<BarChart.Bar> funds = new ArrayList<>();
        for (Map<String, Object> row : mobility) {
            double cents = number(row.get("centralFundsCents"));
            if (cents > 0) {
                funds.add(new BarChart.Bar(row.get("entity") + " – " + row.get("kind") + " " + row.get("status"), cents,
                        fmt.euros((long) cents, locale)));
            }
        }
        charts.add(new BarChart("funds", messages.getMessage("figures.chart.funds", null, locale), funds));
        return charts;
    }

    private BarChart chart(String id, String titleKey, List<Map<String, Object>> rows, String field, Locale locale) {
        List<BarChart.Bar> bars = rows.stream().map(row -> {
            double value = number(row.get(field));
            return new BarChart.Bar(String.valueOf(row.get("entity")), value, BarChart.number(value, locale));
        }).toList();
        return new BarChart(id, messages.getMessage(titleKey, null, locale), bars);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
