package org.hrmobility.console.evaluations;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.Me;
import org.hrmobility.console.api.Problem;
import org.hrmobility.console.web.Commands;
import org.hrmobility.console.web.Forms;
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
 * Evaluations: the follow-ups the person may see, the dismissal proposals for HR, probations, and an employee's
 * evaluation file with its follow-up, evaluations, history and the forms the person may use now: record an evaluation
 * (R-EVA-1..4, R-EVA-7), a guidance action (R-EVA-3), HR's decision on a proposal (R-EVA-2), a correction (R-COR-1), a
 * contractual dismissal (R-EVA-5).
 */
@Controller
@RequestMapping("/console/evaluations")
class EvaluationController {

    static final List<String> STATES = List.of("FOLLOW_UP_OPEN", "FOLLOW_UP_CLOSED", "DISMISSAL_PROPOSED", "DISMISSED",
            "DISMISSAL_MANDATED", "CONTRACTUAL_DISMISSAL_RECORDED");
    static final List<String> RATINGS = List.of("INSUFFICIENT", "SUFFICIENT", "GOOD", "VERY_GOOD");
    private static final Pattern EMPLOYEE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Api api;
    private final People people;
    private final Clock clock;

    EvaluationController(Api api, People people, Clock clock) {
        this.api = api;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping
    Mono<Rendering> followUps(@RequestParam(required = false) String state, @RequestParam(required = false) String employeeId,
                              @RequestParam(defaultValue = "0") int page) {
        if (employeeId != null && EMPLOYEE.matcher(employeeId.trim()).matches()) {
            return Mono.just(Rendering.redirectTo("/console/evaluations/" + employeeId.trim()).build());
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/evaluations/follow-ups").queryParam("page", Math.max(0, page))
                .queryParam("size", 20);
        if (state != null && STATES.contains(state)) {
            uri.queryParam("state", state);
        }
        return api.get(uri.build().toUriString()).map(list -> Rendering.view("evaluations/list")
                .modelAttribute("followUps", list).modelAttribute("states", STATES).modelAttribute("state", state)
                .modelAttribute("proposals", false).build());
    }

    @GetMapping("/dismissal-proposals")
    Mono<Rendering> proposals() {
        return api.get("/api/evaluations/follow-ups?state=DISMISSAL_PROPOSED&size=100").map(list -> Rendering.view("evaluations/list")
                .modelAttribute("followUps", list).modelAttribute("states", STATES).modelAttribute("state", "DISMISSAL_PROPOSED")
                .modelAttribute("proposals", true).build());
    }

    @GetMapping("/probations")
    Mono<Rendering> probations() {
        return probationsPage(Refusal.NONE);
    }

    private Mono<Rendering> probationsPage(Refusal refusal) {
        return api.get("/api/evaluations/probations?size=100")
                .map(list -> refusal.view("evaluations/probations").modelAttribute("probations", list).build());
    }

    /** R-EVA-6: HR starts a manager's probation of 6 to 12 months. */
    @PostMapping("/probations")
    Mono<Rendering> startProbation(ServerWebExchange exchange) {
        return Commands.post(api, exchange, "/api/evaluations/probations", new Object[0],
                f -> f.string("employeeId", "startsOn").number("months"), "probation", "/console/evaluations/probations",
                "done.probation", this::probationsPage);
    }

    @GetMapping("/{employeeId}")
    Mono<Rendering> file(@PathVariable String employeeId, ServerWebExchange exchange) {
        return page(employeeId, exchange, Refusal.NONE);
    }

    Mono<Rendering> page(String employeeId, ServerWebExchange exchange, Refusal refusal) {
        if (!EMPLOYEE.matcher(employeeId).matches()) {
            return Mono.error(Commands.notFound());
        }
        return Mono.zip(people.me(exchange), api.get("/api/evaluations/follow-ups/{id}", employeeId),
                        api.list("/api/evaluations?employeeId={id}", employeeId), api.list("/api/evaluations/follow-ups/{id}/history", employeeId))
                .map(t -> {
                    Me me = t.getT1();
                    Map<String, Object> file = t.getT2();
                    return refusal.view("evaluations/file").modelAttribute("employeeId", employeeId).modelAttribute("file", file)
                            .modelAttribute("evaluations", t.getT3()).modelAttribute("history", t.getT4())
                            .modelAttribute("actions", FileActions.of(me, employeeId, String.valueOf(file.get("state"))))
                            .modelAttribute("ratings", RATINGS).modelAttribute("today", Today.of(clock).toString()).build();
                });
    }

    @PostMapping("/{employeeId}/evaluations")
    Mono<Rendering> record(@PathVariable String employeeId, ServerWebExchange exchange) {
        return command(employeeId, exchange, "/api/evaluations", new Object[0], "evaluation",
                f -> f.put("employeeId", employeeId).string("periodFrom", "periodTo", "evaluatedOn", "rating", "motivation", "reason")
                        .put("specialCircumstances", "on".equals(f.text("specialCircumstances"))), "done.evaluation");
    }

    @PostMapping("/{employeeId}/guidance-actions")
    Mono<Rendering> guidance(@PathVariable String employeeId, ServerWebExchange exchange) {
        return command(employeeId, exchange, "/api/evaluations/follow-ups/{id}/guidance-actions", new Object[] {employeeId},
                "guidance", f -> f.string("action", "reason"), "done.guidanceAction");
    }

    @PostMapping("/{employeeId}/dismissal-decision")
    Mono<Rendering> decide(@PathVariable String employeeId, ServerWebExchange exchange) {
        return command(employeeId, exchange, "/api/evaluations/follow-ups/{id}/dismissal-decision", new Object[] {employeeId},
                "decision", f -> f.bool("dismissed").string("motivation"), "done.decision");
    }

    @PostMapping("/{employeeId}/corrections")
    Mono<Rendering> correct(@PathVariable String employeeId, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String evaluationId = form.getFirst("evaluationId");
            if (!Forms.isUuid(evaluationId)) {
                return page(employeeId, exchange, new Refusal("correction", new Problem(400, null, null, null, null,
                        List.of(new Problem.FieldError("evaluationId", "choose an evaluation"))), form.toSingleValueMap()));
            }
            Forms f = Forms.of(form).string("rating", "periodFrom", "periodTo", "evaluatedOn", "reason");
            return api.post("/api/evaluations/{e}/correction", f.body(), evaluationId).flatMap(answer -> Commands.after(exchange, answer, f,
                    "correction", "/console/evaluations/" + employeeId, "done.correction", refusal -> page(employeeId, exchange, refusal)));
        });
    }

    @PostMapping("/{employeeId}/contractual-dismissal")
    Mono<Rendering> contractual(@PathVariable String employeeId, ServerWebExchange exchange) {
        return command(employeeId, exchange, "/api/evaluations/contractual-dismissals", new Object[0], "contractual",
                f -> f.put("employeeId", employeeId).string("effectiveOn", "reason"), "done.contractual");
    }

    private Mono<Rendering> command(String employeeId, ServerWebExchange exchange, String uri, Object[] variables, String failed,
                                    java.util.function.Consumer<Forms> fields, String done) {
        if (!EMPLOYEE.matcher(employeeId).matches()) {
            return Mono.error(Commands.notFound());
        }
        return Commands.post(api, exchange, uri, variables, fields, failed, "/console/evaluations/" + employeeId, done,
                refusal -> page(employeeId, exchange, refusal));
    }

}
