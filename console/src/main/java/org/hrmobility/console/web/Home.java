package org.hrmobility.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The worklist (the console's home): the person's own items from the workbench, due and overdue first, filtered by
 * kind and overdue; the language switch; the page shown after logout.
 */
@Controller
class Home {

    static final List<String> KINDS = List.of("OFFER_TO_ANSWER", "AGREEMENT_TO_GIVE", "CONSENT_TO_GIVE", "GUIDANCE_TO_RECORD",
            "ADMISSIBILITY_TO_DECIDE", "NEXT_OFFER_TO_MAKE", "EVALUATION_DUE", "PROPOSAL_TO_DECIDE", "DISMISSAL_TO_START",
            "PROBATION_ENDING", "ALLOWANCE_ENDING", "HOST_DECISION_TO_RECORD", "SECONDMENT_STARTING", "SECONDMENT_ENDING");

    private final Api api;

    Home(Api api) {
        this.api = api;
    }

    @GetMapping({"/console", "/console/", "/console/worklist"})
    Mono<Rendering> worklist(@RequestParam(required = false) String kind, @RequestParam(required = false) Boolean overdue,
                             @RequestParam(defaultValue = "0") int page, ServerWebExchange exchange) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/workbench/worklist").queryParam("page", Math.max(0, page))
                .queryParam("size", 50);
        if (kind != null && KINDS.contains(kind)) {
            uri.queryParam("kind", kind);
        }
        if (overdue != null) {
            uri.queryParam("overdue", overdue);
        }
        boolean fragment = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return api.get(uri.build().toUriString())
                .map(worklist -> Map.<String, Object>of("worklist", worklist, "available", true))
                // the workbench is being built: until the gateway routes it, an empty list and a notice
                .onErrorResume(ApiProblem.class, e -> e.status() == 404 || e.status() == 503
                        ? Mono.just(Map.of("worklist", Map.of("items", List.of(), "total", 0), "available", false))
                        : Mono.error(e))
                .map(model -> {
                    Map<String, Object> all = new LinkedHashMap<>(model);
                    all.put("kinds", KINDS);
                    all.put("kind", kind);
                    all.put("overdue", overdue);
                    return Rendering.view(fragment ? "worklist :: results" : "worklist").model(all).build();
                });
    }

    /** The language switch: for this session and, for a person, their preference (notifications follow it). */
    @PostMapping("/console/language")
    Mono<Rendering> language(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String language = Language.supported(form.getFirst("language"));
            String back = form.getFirst("back");
            String to = back != null && back.startsWith("/console") && !back.startsWith("//") && !back.contains("\\") ? back : "/console";
            return exchange.getSession().doOnNext(session -> Language.choose(session, language))
                    .then(api.find("/api/notifications/preferences")
                            .flatMap(preferences -> api.put("/api/notifications/preferences",
                                    Map.of("email", preferences.getOrDefault("email", "IMMEDIATE"), "language", language)))
                            .onErrorResume(ApiProblem.class, e -> Mono.empty()))
                    .thenReturn(Rendering.redirectTo(to).build());
        });
    }

    @GetMapping("/console/signed-out")
    Mono<Rendering> signedOut(@RequestParam(required = false) String error) {
        return Mono.just(Rendering.view("signed-out").modelAttribute("failed", error != null).build());
    }
}
