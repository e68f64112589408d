package org.hrmobility.console.mobility;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.api.Me;
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
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Mobility: calls for international exchanges and work visits with their applications (the line manager's agreement,
 * then the host's: R-MOB-1 to R-MOB-5), secondments and the register per host (R-MOB-6), inbound transfers (R-MOB-7), the
 * talent marketplace with its explained matches (R-MOB-8) and heavier-duty allowances (R-MOB-9). Each record's page
 * shows the decisions the person may take now; the mobility service decides.
 * <p>
 * Every page is one method taking the {@link Refusal} to show ({@link Refusal#NONE} for a plain GET), so a refused
 * command shows the same page with the problem next to its form.
 */
@Controller
@RequestMapping("/console/mobility")
class MobilityController {

    static final List<String> PROGRAMMES = List.of("EXCHANGE", "WORK_VISIT");
    static final List<String> HOST_TYPES = List.of("INTERNATIONAL_INSTITUTION", "LOCAL_GOVERNMENT", "OTHER_ADMINISTRATION");
    static final List<String> REASONS = List.of("REGULAR", "UNION_LEAVE", "LONG_TERM_SICK");
    static final List<String> ORIGINS = List.of("LOCAL_GOVERNMENT", "PROVINCIAL_GOVERNMENT", "EDUCATION", "INSPECTION", "PARLIAMENT");

    // The decisions on a record, by the last segment of their path (which names their form too), with the fields they send
    private static final Map<String, Consumer<Forms>> SECONDMENT_DECISIONS = Map.of(
            "line-manager-decision", f -> f.bool("agreed").string("reason"),
            "host-confirmation", f -> f.bool("agreed").string("reason"),
            "end", f -> f.string("on", "reason"),
            "withdrawal", f -> f.string("reason"));
    private static final Map<String, Consumer<Forms>> ALLOWANCE_DECISIONS = Map.of(
            "extensions", f -> f.string("endsOn", "reason"),
            "end", f -> f.string("on", "reason"));
    private static final Map<String, Consumer<Forms>> TALENT_OFFER_DECISIONS = Map.of(
            "consent", f -> f.bool("given").string("reason"),
            "withdrawal", f -> f.string("reason"));

    private final Api api;
    private final People people;
    private final Clock clock;

    MobilityController(Api api, People people, Clock clock) {
        this.api = api;
        this.people = people;
        this.clock = clock;
    }

    /** The overview: calls open today, and the person's (or their reports', or HR's) applications and records. */
    @GetMapping
    Mono<Rendering> overview() {
        return overviewPage(Refusal.NONE);
    }

    private Mono<Rendering> overviewPage(Refusal refusal) {
        return Mono.zip(api.get("/api/mobility/calls?size=50"), api.get("/api/mobility/applications?size=50"),
                        api.get("/api/mobility/secondments?size=50"), api.get("/api/mobility/allowances?size=50"))
                .map(t -> refusal.view("mobility/overview").modelAttribute("calls", t.getT1()).modelAttribute("applications", t.getT2())
                        .modelAttribute("secondments", t.getT3()).modelAttribute("allowances", t.getT4())
                        .modelAttribute("programmes", PROGRAMMES).modelAttribute("today", today()).build());
    }

    /** R-MOB-4: HR opens a call: its window, the eligible levels, an optional cap on the months. */
    @PostMapping("/calls")
    Mono<Rendering> openCall(ServerWebExchange exchange) {
        return create("calls", "call", f -> f.string("programme", "title", "opensOn", "closesOn").number("maxMonths").list("eligibleLevels"),
                "done.call", exchange, this::overviewPage);
    }

    @GetMapping("/calls/{id}")
    Mono<Rendering> call(@PathVariable String id, ServerWebExchange exchange) {
        return callPage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> callPage(String id, ServerWebExchange exchange, Refusal refusal) {
        return Commands.uuid(id).flatMap(known -> Mono.zip(people.me(exchange), api.get("/api/mobility/calls/{id}", known),
                        api.get("/api/mobility/calls/{id}/applications?size=100", known)))
                .map(t -> refusal.view("mobility/call").modelAttribute("call", t.getT2()).modelAttribute("applications", t.getT3())
                        .modelAttribute("today", today())
                        .modelAttribute("mayApply", t.getT1().isPerson() && "OPEN".equals(t.getT2().get("status"))).build());
    }

    /** R-MOB-1..4: the employee applies: host, stay, costs in euros (the co-funding is computed, R-MOB-3). */
    @PostMapping("/calls/{id}/applications")
    Mono<Rendering> apply(@PathVariable String id, ServerWebExchange exchange) {
        return Commands.uuid(id).flatMap(call -> Commands.create(api, exchange, "/api/mobility/calls/{id}/applications", new Object[] {call},
                f -> f.string("host", "startsOn", "endsOn").cents("travelCents", "travel").cents("stayCents", "stay"), "apply",
                "/console/mobility/applications/", "done.applied", refusal -> callPage(call, exchange, refusal)));
    }

    @GetMapping("/applications/{id}")
    Mono<Rendering> application(@PathVariable String id, ServerWebExchange exchange) {
        return applicationPage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> applicationPage(String id, ServerWebExchange exchange, Refusal refusal) {
        return recordPage("applications", id, exchange, refusal, "mobility/application", "a", MobilityActions::application);
    }

    @PostMapping("/applications/{id}/line-manager-decision")
    Mono<Rendering> lineManager(@PathVariable String id, ServerWebExchange exchange) {
        return applicationCommand(id, "line-manager-decision", "lineManager", f -> f.bool("agreed").string("reason"), "done.answered", exchange);
    }

    @PostMapping("/applications/{id}/host-decision")
    Mono<Rendering> host(@PathVariable String id, ServerWebExchange exchange) {
        return applicationCommand(id, "host-decision", "host", f -> f.bool("agreed").string("reason"), "done.answered", exchange);
    }

    @PostMapping("/applications/{id}/withdrawal")
    Mono<Rendering> withdraw(@PathVariable String id, ServerWebExchange exchange) {
        return applicationCommand(id, "withdrawal", "withdraw", f -> f.string("reason"), "done.withdrawn", exchange);
    }

    private Mono<Rendering> applicationCommand(String id, String act, String form, Consumer<Forms> fields, String done,
                                               ServerWebExchange exchange) {
        return command("applications", id, act, form, fields, done, exchange, refusal -> applicationPage(id, exchange, refusal));
    }

    // --- secondments (R-MOB-6)

    @GetMapping({"/secondments", "/secondments/register"})
    Mono<Rendering> secondments() {
        return secondmentsPage(Refusal.NONE);
    }

    private Mono<Rendering> secondmentsPage(Refusal refusal) {
        return Mono.zip(api.get("/api/mobility/secondments?size=100"), api.list("/api/mobility/secondments/register")
                        .onErrorResume(ApiProblem.class, e -> Mono.just(List.of())))
                .map(t -> refusal.view("mobility/secondments").modelAttribute("secondments", t.getT1()).modelAttribute("register", t.getT2())
                        .modelAttribute("hostTypes", HOST_TYPES).modelAttribute("reasons", REASONS).build());
    }

    @PostMapping("/secondments")
    Mono<Rendering> requestSecondment(ServerWebExchange exchange) {
        return create("secondments", "secondment", f -> f.string("employeeId", "host", "hostType", "reason", "startsOn", "endsOn")
                .cents("annualSalaryCostCents", "annualSalaryCost").bool("hostBearsSalary"), "done.secondment", exchange, this::secondmentsPage);
    }

    @GetMapping("/secondments/{id}")
    Mono<Rendering> secondment(@PathVariable String id, ServerWebExchange exchange) {
        return secondmentPage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> secondmentPage(String id, ServerWebExchange exchange, Refusal refusal) {
        return recordPage("secondments", id, exchange, refusal, "mobility/secondment", "s",
                (me, s) -> MobilityActions.secondment(me, s, today()));
    }

    @PostMapping("/secondments/{id}/{act}")
    Mono<Rendering> secondmentCommand(@PathVariable String id, @PathVariable String act, ServerWebExchange exchange) {
        return decide("secondments", id, act, SECONDMENT_DECISIONS, "done.secondmentDecided", exchange,
                refusal -> secondmentPage(id, exchange, refusal));
    }

    // --- allowances (R-MOB-9)

    @GetMapping("/allowances")
    Mono<Rendering> allowances() {
        return allowancesPage(Refusal.NONE);
    }

    private Mono<Rendering> allowancesPage(Refusal refusal) {
        return api.get("/api/mobility/allowances?size=100")
                .map(list -> refusal.view("mobility/allowances").modelAttribute("allowances", list).build());
    }

    @PostMapping("/allowances")
    Mono<Rendering> grant(ServerWebExchange exchange) {
        return create("allowances", "allowance", f -> f.string("employeeId", "reason", "startsOn", "endsOn", "onBehalfReason"),
                "done.allowance", exchange, this::allowancesPage);
    }

    @GetMapping("/allowances/{id}")
    Mono<Rendering> allowance(@PathVariable String id, ServerWebExchange exchange) {
        return allowancePage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> allowancePage(String id, ServerWebExchange exchange, Refusal refusal) {
        return recordPage("allowances", id, exchange, refusal, "mobility/allowance", "a", MobilityActions::allowance);
    }

    @PostMapping("/allowances/{id}/{act}")
    Mono<Rendering> allowanceCommand(@PathVariable String id, @PathVariable String act, ServerWebExchange exchange) {
        return decide("allowances", id, act, ALLOWANCE_DECISIONS, "done.allowanceChanged", exchange,
                refusal -> allowancePage(id, exchange, refusal));
    }

    // --- the talent marketplace (R-MOB-8)

    @GetMapping({"/talent", "/talent-offers", "/talent-requests"})
    Mono<Rendering> talent() {
        return talentPage(Refusal.NONE);
    }

    private Mono<Rendering> talentPage(Refusal refusal) {
        return Mono.zip(api.get("/api/mobility/talent-offers?size=100"), api.get("/api/mobility/talent-requests?size=100"))
                .map(t -> refusal.view("mobility/talent").modelAttribute("offers", t.getT1()).modelAttribute("requests", t.getT2()).build());
    }

    /** An offer of one's talents or a request for them: the same form, the form's name is the kind. */
    @PostMapping({"/talent-offers", "/talent-requests"})
    Mono<Rendering> publish(ServerWebExchange exchange) {
        String kind = exchange.getRequest().getPath().value().endsWith("/talent-offers") ? "talent-offers" : "talent-requests";
        return create(kind, kind, f -> f.lines("skills").number("sharePercent").string("from", "to", "title"), "done.published", exchange,
                this::talentPage);
    }

    @GetMapping("/talent-offers/{id}")
    Mono<Rendering> talentOffer(@PathVariable String id, ServerWebExchange exchange) {
        return talentOfferPage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> talentOfferPage(String id, ServerWebExchange exchange, Refusal refusal) {
        return recordPage("talent-offers", id, exchange, refusal, "mobility/talent-offer", "o", MobilityActions::talentOffer);
    }

    @PostMapping("/talent-offers/{id}/{act}")
    Mono<Rendering> talentOfferCommand(@PathVariable String id, @PathVariable String act, ServerWebExchange exchange) {
        return decide("talent-offers", id, act, TALENT_OFFER_DECISIONS, "done.answered", exchange,
                refusal -> talentOfferPage(id, exchange, refusal));
    }

    @GetMapping("/talent-requests/{id}")
    Mono<Rendering> talentRequest(@PathVariable String id, ServerWebExchange exchange) {
        return talentRequestPage(id, exchange, Refusal.NONE);
    }

    private Mono<Rendering> talentRequestPage(String id, ServerWebExchange exchange, Refusal refusal) {
        return record("talent-requests", id, exchange).flatMap(t -> {
            boolean manages = MobilityActions.managesRequest(t.getT1(), t.getT2());
            Mono<List<Map<String, Object>>> matches = manages ? api.list("/api/mobility/talent-requests/{id}/matches", id)
                    .onErrorResume(ApiProblem.class, e -> Mono.just(List.of())) : Mono.just(List.of());
            return matches.map(m -> refusal.view("mobility/talent-request").modelAttribute("r", t.getT2()).modelAttribute("matches", m)
                    .modelAttribute("assign", manages).modelAttribute("withdraw", manages)
                    .modelAttribute("cancelAssignment", MobilityActions.cancelsAssignment(t.getT1(), t.getT2())).build());
        });
    }

    @PostMapping("/talent-requests/{id}/assignment")
    Mono<Rendering> assign(@PathVariable String id, ServerWebExchange exchange) {
        return Commands.uuid(id).flatMap(request -> Commands.post(api, exchange, "/api/mobility/assignments", new Object[0],
                f -> f.put("requestId", request).string("offerId"), "assign", "/console/mobility/talent-requests/" + request, "done.assigned",
                refusal -> talentRequestPage(request, exchange, refusal)));
    }

    @PostMapping("/talent-requests/{id}/assignment-cancellation")
    Mono<Rendering> cancelAssignment(@PathVariable String id, ServerWebExchange exchange) {
        return command("talent-requests", id, "assignment-cancellation", "unassign", f -> f.string("reason"), "done.unassigned", exchange,
                refusal -> talentRequestPage(id, exchange, refusal));
    }

    @PostMapping("/talent-requests/{id}/withdrawal")
    Mono<Rendering> withdrawRequest(@PathVariable String id, ServerWebExchange exchange) {
        return command("talent-requests", id, "withdrawal", "withdrawal", f -> f.string("reason"), "done.withdrawn", exchange,
                refusal -> talentRequestPage(id, exchange, refusal));
    }

    // --- inbound transfers (R-MOB-7), HR only

    @GetMapping("/inbound-transfers")
    Mono<Rendering> transfers() {
        return transfersPage(Refusal.NONE);
    }

    private Mono<Rendering> transfersPage(Refusal refusal) {
        return api.get("/api/mobility/inbound-transfers?size=100").map(list -> refusal.view("mobility/transfers")
                .modelAttribute("transfers", list).modelAttribute("origins", ORIGINS).build());
    }

    @PostMapping("/inbound-transfers")
    Mono<Rendering> recordTransfer(ServerWebExchange exchange) {
        return Commands.post(api, exchange, "/api/mobility/inbound-transfers", new Object[0],
                f -> f.string("personName", "origin", "entity", "grade", "startsOn").number("monetarySeniorityMonths"), "transfer",
                "/console/mobility/inbound-transfers", "done.transfer", this::transfersPage);
    }

    // --- what the pages and commands above share

    /** A record's page: the record (as {@code name}) and the forms of what the person may do on it now ({@code actions}). */
    private Mono<Rendering> recordPage(String kind, String id, ServerWebExchange exchange, Refusal refusal, String view, String name,
                                       BiFunction<Me, Map<String, Object>, Map<String, Object>> actions) {
        return record(kind, id, exchange).map(t -> refusal.view(view).modelAttribute(name, t.getT2()).model(actions.apply(t.getT1(), t.getT2()))
                .build());
    }

    /** The signed-in person and one record ({@code /api/mobility/{kind}/{id}}); "not found" for an id that is no UUID. */
    private Mono<Tuple2<Me, Map<String, Object>>> record(String kind, String id, ServerWebExchange exchange) {
        return Commands.uuid(id).flatMap(known -> Mono.zip(people.me(exchange), api.get("/api/mobility/" + kind + "/{id}", known)));
    }

    /** Creates a record from form {@code form}; then the new record's page, or {@code page} with the refusal. */
    private Mono<Rendering> create(String kind, String form, Consumer<Forms> fields, String done, ServerWebExchange exchange,
                                   Commands.Page page) {
        return Commands.create(api, exchange, "/api/mobility/" + kind, new Object[0], fields, form, "/console/mobility/" + kind + "/",
                done, page);
    }

    /** A decision on one record ({@code /api/mobility/{kind}/{id}/{act}}); then the record's page, or {@code page} with the refusal. */
    private Mono<Rendering> command(String kind, String id, String act, String form, Consumer<Forms> fields, String done,
                                    ServerWebExchange exchange, Commands.Page page) {
        return Commands.uuid(id).flatMap(known -> Commands.post(api, exchange, "/api/mobility/" + kind + "/{id}/" + act, new Object[] {known},
                fields, form, "/console/mobility/" + kind + "/" + known, done, page));
    }

    /** One of a record's {@code decisions}, by its path; "not found" for any other path. */
    private Mono<Rendering> decide(String kind, String id, String act, Map<String, Consumer<Forms>> decisions, String done,
                                   ServerWebExchange exchange, Commands.Page page) {
        Consumer<Forms> fields = decisions.get(act);
        return fields == null ? Mono.error(Commands.notFound()) : command(kind, id, act, act, fields, done, exchange, page);
    }

    private String today() {
        return Today.of(clock).toString();
    }
}
