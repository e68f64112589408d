package org.hrmobility.console.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.api.Me;
import org.hrmobility.console.web.Commands;
import org.hrmobility.console.web.Deputies;
import org.hrmobility.console.web.Forms;
import org.hrmobility.console.web.Pages;
import org.hrmobility.console.web.People;
import org.hrmobility.console.web.Refusal;
import org.hrmobility.console.web.Today;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Redeployment cases: the search (status, entity, employee), opening a case, and the case with its history as a
 * timeline and the forms of exactly the decisions the person may take now ({@link CaseActions}). A refused command
 * shows the case again with the problem next to the form: the rule, and each field's error next to the field.
 */
@Controller
@RequestMapping("/console/cases")
class CaseController {

    static final List<String> STATUSES = List.of("OPENED", "IN_POOL", "INTERNAL_TRAJECTORY", "PLACED", "CLOSED");

    private final Api api;
    private final People people;
    private final Deputies deputies;
    private final Clock clock;

    CaseController(Api api, People people, Deputies deputies, Clock clock) {
        this.api = api;
        this.people = people;
        this.deputies = deputies;
        this.clock = clock;
    }

    @GetMapping
    Mono<Rendering> search(@RequestParam(required = false) String status, @RequestParam(required = false) String entity,
                           @RequestParam(required = false) String employeeId, @RequestParam(defaultValue = "0") int page,
                           ServerWebExchange exchange) {
        return list(status, entity, employeeId, page, exchange, Refusal.NONE);
    }

    private Mono<Rendering> list(String status, String entity, String employeeId, int page, ServerWebExchange exchange, Refusal refusal) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/redeployment/cases").queryParam("page", Math.max(0, page))
                .queryParam("size", 20);
        if (status != null && STATUSES.contains(status)) {
            uri.queryParam("status", status);
        }
        if (entity != null && !entity.isBlank()) {
            uri.queryParam("entity", entity.trim());
        }
        if (employeeId != null && !employeeId.isBlank()) {
            uri.queryParam("employeeId", employeeId.trim());
        }
        // htmx's filter requests get the results only; a refused "open" gets the whole page with the problem
        boolean fragment = exchange.getRequest().getHeaders().containsHeader("HX-Request") && refusal.problem() == null;
        return api.get(uri.encode().build().toUriString()).map(cases -> refusal.view(fragment ? "cases/list :: results" : "cases/list")
                .modelAttribute("cases", cases).modelAttribute("statuses", STATUSES).modelAttribute("status", status)
                .modelAttribute("entity", entity).modelAttribute("employeeId", employeeId).modelAttribute("page", Math.max(0, page))
                .build());
    }

    /** R-RED-1: the line manager or HR registers an employee; the case opens. */
    @PostMapping
    Mono<Rendering> open(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Forms f = Forms.of(form).string("employeeId");
            // unlike a command on a case, a 404 here is about the employee typed, not the page: it goes next to the form too
            return api.post("/api/redeployment/cases", f.body()).flatMap(answer -> answer.ok()
                    ? Pages.done(exchange, "/console/cases/" + answer.createdId(), "done.caseOpened")
                    : list(null, null, null, 0, exchange, new Refusal("open", answer.problem(), f.values())));
        });
    }

    @GetMapping("/{id}")
    Mono<Rendering> show(@PathVariable String id, ServerWebExchange exchange) {
        return page(id, exchange, Refusal.NONE);
    }

    Mono<Rendering> page(String id, ServerWebExchange exchange, Refusal refusal) {
        LocalDate today = Today.of(clock);
        return Commands.uuid(id).flatMap(known -> Mono.zip(people.me(exchange), api.get("/api/redeployment/cases/{id}", known),
                        api.list("/api/redeployment/cases/{id}/history", known)))
                .flatMap(t -> deputies.managersOf(t.getT1(), today).flatMap(deputyFor -> {
                    Me me = t.getT1();
                    Map<String, Object> c = t.getT2();
                    CaseActions actions = CaseActions.of(me, c, today, deputyFor);
                    Mono<List<Map<String, Object>>> vacancies = actions.offer()
                            ? api.get("/api/redeployment/vacancies?status=OPEN&size=100").map(Commands::items)
                                    .onErrorResume(ApiProblem.class, e -> Mono.just(List.of()))
                            : Mono.just(List.of());
                    return vacancies.map(open -> refusal.view("cases/detail").modelAttribute("c", c).modelAttribute("history", t.getT3())
                            .modelAttribute("actions", actions).modelAttribute("openOffer", CaseActions.openOffer(c))
                            .modelAttribute("vacancies", open).modelAttribute("today", today.toString()).build());
                }));
    }

    @PostMapping("/{id}/guidance")
    Mono<Rendering> guidance(@PathVariable String id, ServerWebExchange exchange) {
        return command(id, "/guidance-trajectory", "guidance", f -> f.string("from", "to", "reason").lines("actions"), "done.guidance",
                exchange);
    }

    @PostMapping("/{id}/admissibility")
    Mono<Rendering> admissibility(@PathVariable String id, ServerWebExchange exchange) {
        return command(id, "/admissibility", "admissibility", f -> f.bool("redeployable").string("motivation"), "done.admissibility",
                exchange);
    }

    /** An offer from an open vacancy, or of a position described here (R-RED-3, R-RED-4, R-RED-6). */
    @PostMapping("/{id}/offers")
    Mono<Rendering> offer(@PathVariable String id, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            boolean vacancy = "vacancy".equals(form.getFirst("source"));
            Forms f = vacancy ? Forms.of(form).string("vacancyId") : Forms.of(form).string("title", "entity", "grade", "jobFamily");
            return api.post("/api/redeployment/cases/{id}/offers", f.body(), id).flatMap(answer -> Commands.after(exchange, answer, f,
                    vacancy ? "offer-vacancy" : "offer-free", "/console/cases/" + id, "done.offer", refusal -> page(id, exchange, refusal)));
        });
    }

    @PostMapping("/{id}/offers/{offerId}/acceptance")
    Mono<Rendering> accept(@PathVariable String id, @PathVariable String offerId, ServerWebExchange exchange) {
        return offerCommand(id, offerId, "/acceptance", "accept", "done.accepted", exchange);
    }

    @PostMapping("/{id}/offers/{offerId}/refusal")
    Mono<Rendering> refuse(@PathVariable String id, @PathVariable String offerId, ServerWebExchange exchange) {
        return offerCommand(id, offerId, "/refusal", "answer", "done.refused", exchange);
    }

    @PostMapping("/{id}/offers/{offerId}/cancellation")
    Mono<Rendering> cancel(@PathVariable String id, @PathVariable String offerId, ServerWebExchange exchange) {
        return offerCommand(id, offerId, "/cancellation", "cancel", "done.cancelled", exchange);
    }

    @PostMapping("/{id}/closure")
    Mono<Rendering> close(@PathVariable String id, ServerWebExchange exchange) {
        return command(id, "/closure", "close", f -> f.string("reason"), "done.closed", exchange);
    }

    @PostMapping("/{id}/reopening")
    Mono<Rendering> reopen(@PathVariable String id, ServerWebExchange exchange) {
        return command(id, "/reopening", "reopen", f -> f.string("reason"), "done.reopened", exchange);
    }

    private Mono<Rendering> offerCommand(String id, String offerId, String path, String form, String done, ServerWebExchange exchange) {
        return Commands.uuid(offerId).flatMap(offer -> Commands.post(api, exchange, "/api/redeployment/cases/{id}/offers/{offer}" + path,
                new Object[] {id, offer}, f -> f.string("reason"), form, "/console/cases/" + id, done, refusal -> page(id, exchange, refusal)));
    }

    /** A command on the case; then the case again, with what was done or with the refusal next to form {@code form}. */
    private Mono<Rendering> command(String id, String path, String form, Consumer<Forms> fields, String done, ServerWebExchange exchange) {
        return Commands.uuid(id).flatMap(known -> Commands.post(api, exchange, "/api/redeployment/cases/{id}" + path, new Object[] {known},
                fields, form, "/console/cases/" + known, done, refusal -> page(known, exchange, refusal)));
    }
}
