package org.hrmobility.console.web;

import java.util.List;
import java.util.Map;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.cases.CaseActions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An employee's own view: my redeployment cases, the offers I have to answer, my applications, my evaluation file. */
@Controller
class MyFiles {

    private final Api api;
    private final People people;

    MyFiles(Api api, People people) {
        this.api = api;
        this.people = people;
    }

    @GetMapping("/console/my")
    Mono<Rendering> mine(ServerWebExchange exchange) {
        return people.me(exchange).flatMap(me -> {
            if (!me.isPerson()) {
                return Mono.just(Rendering.view("me/mine").modelAttribute("cases", List.of()).modelAttribute("offers", List.of())
                        .modelAttribute("applications", List.of()).build());
            }
            Mono<List<Map<String, Object>>> cases = api.get("/api/redeployment/cases?employeeId={id}&size=50", me.employeeId())
                    .map(Commands::items);
            Mono<List<Map<String, Object>>> applications = api.get("/api/mobility/applications?employeeId={id}&size=50", me.employeeId())
                    .map(Commands::items).onErrorResume(ApiProblem.class, e -> Mono.just(List.of()));
            return Mono.zip(cases, applications).flatMap(t -> Flux.fromIterable(t.getT1())
                    .filter(c -> List.of("IN_POOL").contains(String.valueOf(c.get("status"))))
                    .concatMap(c -> api.get("/api/redeployment/cases/{id}", c.get("id")))
                    .filter(c -> CaseActions.openOffer(c) != null)
                    .map(c -> Map.<String, Object>of("caseId", c.get("id"), "offer", CaseActions.openOffer(c)))
                    .collectList()
                    .map(offers -> Rendering.view("me/mine").modelAttribute("cases", t.getT1()).modelAttribute("offers", offers)
                            .modelAttribute("applications", t.getT2()).build()));
        });
    }
}
