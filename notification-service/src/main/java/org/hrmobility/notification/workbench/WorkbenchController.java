package org.hrmobility.notification.workbench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
import org.hrmobility.notification.message.Templates;
import org.hrmobility.notification.preference.PreferenceRepository;
import org.hrmobility.notification.routing.Route;
import org.hrmobility.notification.routing.Routes;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/**
 * The case handler's (and everyone's) workbench: the worklist of what awaits the caller, one timeline per employee across
 * services, and who deputises for whom. Texts in the caller's language ({@code lang}, else their preference, else Dutch).
 */
@RestController
@RequestMapping("/api/workbench")
@Validated
class WorkbenchController {

    record WorkItemView(String id, WorkKind kind, String title, String expected, String employeeId, String employeeName, String entity,
                        LocalDate dueOn, boolean overdue, String link, String apiLink, Instant openedAt) {
    }

    /** A page of the worklist, with how many items of each kind there are and how far behind the events it is. */
    record Worklist(List<WorkItemView> items, int page, int size, long total, Map<String, Long> counts, double lagSeconds,
                    Instant lagMeasuredAt) {
    }

    record TimelineView(Instant at, String type, String service, String title, String actor, String actorEmployeeId, String capacity,
                        String onBehalfOf, String action, String detail, String link) {
    }

    record NameDeputy(@Size(max = 64) String managerId, @NotBlank @Size(max = 64) String deputyId, @NotNull LocalDate from,
                      @NotNull LocalDate to, @Size(max = 2000) String reason) {
    }

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    private final WorkItems workItems;
    private final Timeline timeline;
    private final Projections projections;
    private final Delegations delegations;
    private final Decisions decisions;
    private final PreferenceRepository preferences;
    private final Templates templates;
    private final Clock clock;
    private final ProjectionRebuild rebuild;

    WorkbenchController(WorkItems workItems, Timeline timeline, Projections projections, Delegations delegations, Decisions decisions,
                        PreferenceRepository preferences, Templates templates, Clock clock, ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
        this.workItems = workItems;
        this.timeline = timeline;
        this.projections = projections;
        this.delegations = delegations;
        this.decisions = decisions;
        this.preferences = preferences;
        this.templates = templates;
        this.clock = clock;
    }

    /** Everything that awaits the caller's action, across services, due first. */
    @GetMapping("/worklist")
    Mono<Worklist> worklist(@RequestParam(required = false) WorkKind kind, @RequestParam(required = false) @Size(max = 64) String entity,
                            @RequestParam(required = false) LocalDate dueBefore, @RequestParam(defaultValue = "false") boolean overdue,
                            @RequestParam(required = false) @Pattern(regexp = "nl|en") String lang,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(10_000) int size, CurrentUser user) {
        LocalDate today = CalendarDays.today(clock);
        WorkItems.Filters filters = new WorkItems.Filters(kind, entity, dueBefore, overdue);
        Projections.Lag lag = projections.lag();
        return Mono.zip(language(lang, user), workItems.page(user, filters, today, page, size), workItems.countsByKind(user, filters, today))
                .map(t -> new Worklist(t.getT2().items().stream().map(item -> view(item, t.getT1(), today)).toList(), page, size,
                        t.getT2().total(), t.getT3(), lag.lag().toMillis() / 1000.0, lag.measuredAt()));
    }

    /** What happened to one employee, from every service, newest first: for those who may see that employee's files. */
    @GetMapping("/timeline/{employeeId}")
    Mono<Page<TimelineView>> timeline(@PathVariable @Size(max = 64) String employeeId,
                                      @RequestParam(required = false) @Pattern(regexp = "nl|en") String lang,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(10_000) int size, CurrentUser user) {
        return decisions.seeing(user, employeeId, "employee")
                .then(Mono.zip(language(lang, user), timeline.page(employeeId, page, size)))
                .map(t -> t.getT2().map(entry -> view(entry, t.getT1())));
    }

    /** Where the projection stands: its lag and the last (or running) rebuild. */
    @GetMapping("/projection")
    Mono<Map<String, Object>> projection(CurrentUser user) {
        Projections.Lag lag = projections.lag();
        return Mono.just(Map.of("lagSeconds", lag.lag().toMillis() / 1000.0, "measuredAt", lag.measuredAt().toString(),
                "rebuild", rebuild.status()));
    }

    /** Rebuilds the worklist and the timelines from the decision topics (operators). */
    @PostMapping("/projection/rebuild")
    Mono<ResponseEntity<ProjectionRebuild.Status>> rebuild(CurrentUser user) {
        if (!user.has(Role.OPERATOR)) {
            return Mono.error(new ForbiddenException(null, "operators-only", "Operators only", "Rebuilding the workbench is an operator's task."));
        }
        return Mono.just(ResponseEntity.accepted().body(rebuild.start()));
    }

    @GetMapping("/deputies")
    Mono<Page<Delegation>> deputies(@RequestParam(required = false) @Size(max = 64) String managerId,
                                    @RequestParam(defaultValue = "false") boolean active,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(10_000) int size, CurrentUser user) {
        return delegations.list(managerId, active, user, page, size).map(p -> p.map(Stored::value));
    }

    /** R-ACC-3: a line manager names their deputy (or HR for them, with the reason) for a period. */
    @PostMapping("/deputies")
    Mono<ResponseEntity<Delegation>> nameDeputy(@Valid @RequestBody NameDeputy r, CurrentUser user) {
        return delegations.name(r.managerId(), r.deputyId(), r.from(), r.to(), r.reason(), user)
                .map(d -> ResponseEntity.created(URI.create("/api/workbench/deputies/" + d.value().id())).body(d.value()));
    }

    @GetMapping("/deputies/{id}")
    Mono<Delegation> deputy(@PathVariable UUID id, CurrentUser user) {
        return decisions.read(Delegations.TYPE, id, user).map(Stored::value);
    }

    /** R-ACC-3: the deputy's rights end now. */
    @PostMapping("/deputies/{id}/revocation")
    Mono<Delegation> revoke(@PathVariable UUID id, @Valid @RequestBody Revocation r, CurrentUser user) {
        return delegations.revoke(id, r.reason(), user).map(Stored::value);
    }

    private WorkItemView view(WorkItem item, String language, LocalDate today) {
        Map<String, Object> fields = new HashMap<>(item.fields());
        fields.put("employeeName", item.employeeName() == null ? item.subjectId() : item.employeeName());
        if (item.dueOn() != null) {
            fields.put("due", item.dueOn().toString());
        }
        String title = Routes.forCeType(item.ceType())
                .map(route -> title(route, item.kind(), language, fields)).orElse(item.kind().name());
        String link = Routes.forCeType(item.ceType()).map(route -> route.link(fields)).orElse(null);
        return new WorkItemView(item.kind() + ":" + item.key(), item.kind(), title,
                templates.required(language, "worklist." + item.kind().name(), fields), item.subjectId(),
                item.employeeName(), item.entity(), item.dueOn(), item.isOverdue(today), link,
                link == null ? null : Routes.apiPath(link), item.openedAt());
    }

    private String title(Route route, WorkKind kind, String language, Map<String, Object> fields) {
        String forAudience = templates.text(language, route.name() + ".title." + kind.audience().name(), fields);
        return forAudience != null ? forAudience : templates.required(language, route.name() + ".title", fields);
    }

    private TimelineView view(Timeline.Entry entry, String language) {
        Map<String, Object> fields = new HashMap<>(entry.fields());
        fields.putIfAbsent("employeeName", entry.subjectId());
        String name = entry.ceType().replaceFirst("^hrm\\.[a-z]+\\.", "").replaceFirst("\\.v\\d+$", "");
        String title = templates.text(language, name + ".title", fields);
        String link = Routes.forCeType(entry.ceType()).map(route -> route.link(fields)).orElse(null);
        return new TimelineView(entry.at().toInstant(), entry.ceType(), entry.ceType().split("\\.")[1],
                title != null ? title : entry.action() != null ? entry.action() : name, entry.actor(), entry.actorEmployeeId(),
                entry.capacity(), entry.onBehalfOf(), entry.action(), entry.reason(), link);
    }

    /** The caller's language: asked for, else chosen in their preferences, else their master data's, else Dutch. */
    private Mono<String> language(String asked, CurrentUser user) {
        if (asked != null) {
            return Mono.just(asked);
        }
        if (user.employeeId() == null) {
            return Mono.just(Templates.DEFAULT_LANGUAGE);
        }
        return preferences.readers(List.of(user.employeeId()))
                .map(readers -> readers.containsKey(user.employeeId()) ? Templates.supported(readers.get(user.employeeId()).language())
                        : Templates.DEFAULT_LANGUAGE);
    }
}
