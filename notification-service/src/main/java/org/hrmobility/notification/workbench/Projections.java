package org.hrmobility.notification.workbench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.inbox.IncomingEvent;
import org.hrmobility.notification.routing.Arrival;
import org.hrmobility.notification.routing.Recipients;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

/**
 * Keeps the workbench's read models in step with the decision topics, in the consuming transaction of each poll: the
 * worklist (what awaits whom) and the timelines (what happened to whom). The time from an event's commit in its service
 * to its place here is the projection's lag: measured per poll, kept as a metric and shown with every worklist.
 */
@Component
public class Projections {

    /** The last lag measured: how old the newest event of the last poll was when it was applied. */
    record Lag(Duration lag, Instant measuredAt) {
    }

    private final WorkItems workItems;
    private final Timeline timeline;
    private final Clock clock;
    private final Timer lagTimer;
    private final AtomicReference<Lag> lastLag = new AtomicReference<>(new Lag(Duration.ZERO, Instant.EPOCH));

    Projections(WorkItems workItems, Timeline timeline, Clock clock, MeterRegistry meters) {
        this.workItems = workItems;
        this.timeline = timeline;
        this.clock = clock;
        this.lagTimer = Timer.builder("hrm.workbench.projection.lag")
                .description("time from an event's commit in its service to the workbench's read models").register(meters);
    }

    public Mono<Void> apply(List<Arrival> arrivals) {
        return workItems.apply(changes(arrivals)).then(timeline.append(entries(arrivals))).doOnSuccess(done -> measure(arrivals));
    }

    Lag lag() {
        return lastLag.get();
    }

    /** Each item's newest change in this poll (a statement cannot touch one row twice). */
    static List<WorkItems.Change> changes(List<Arrival> arrivals) {
        Map<String, WorkItems.Change> newest = new LinkedHashMap<>();
        for (Arrival a : arrivals) {
            Recipients.About about = Recipients.About.of(a.payload());
            for (WorkKind kind : WorkKind.values()) {
                kind.key(a.payload()).ifPresent(key -> kind.opening(a.type(), a.payload()).map(opening -> change(kind, key, true, a, about,
                                opening.dueField() == null ? null : date(a.payload().get(opening.dueField()))))
                        .or(() -> kind.closes(a.type()) ? Optional.of(change(kind, key, false, a, about, null))
                                : Optional.empty())
                        .ifPresent(change -> newest.put(kind + "/" + key, change)));
            }
        }
        return new ArrayList<>(newest.values());
    }

    /** The arrivals about an employee, as timeline entries with the decision each came from. */
    static List<Timeline.Entry> entries(List<Arrival> arrivals) {
        List<Timeline.Entry> entries = new ArrayList<>();
        for (Arrival a : arrivals) {
            Recipients.About about = Recipients.About.of(a.payload());
            if (about.employeeId() == null) {
                continue;
            }
            EventMetadata m = a.event().metadata();
            EventMetadata.Origin o = m.origin();
            entries.add(new Timeline.Entry(m.id(), about.employeeId(), about.entity(), m.type(), at(a.event()),
                    o == null ? null : o.actor(), o == null ? null : o.actorEmployeeId(), o == null ? null : o.capacity(),
                    o == null ? null : o.onBehalfOf(), o == null ? null : o.action(), o == null ? null : o.reason(), a.payload()));
        }
        return entries;
    }

    private static WorkItems.Change change(WorkKind kind, String key, boolean open, Arrival a, Recipients.About about, LocalDate due) {
        return new WorkItems.Change(kind, key, open, about.employeeId(), about.entity(), a.type(), open ? WorkItems.json(a.payload()) : null,
                due, at(a.event()), a.event().offset());
    }

    private static OffsetDateTime at(IncomingEvent event) {
        return OffsetDateTime.ofInstant(event.metadata().time(), ZoneOffset.UTC);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    private void measure(List<Arrival> arrivals) {
        arrivals.stream().map(a -> a.event().metadata().time()).max(Instant::compareTo).ifPresent(newest -> {
            Instant now = clock.instant();
            Duration lag = Duration.between(newest, now);
            Duration measured = lag.isNegative() ? Duration.ZERO : lag;
            lagTimer.record(measured);
            lastLag.set(new Lag(measured, now));
        });
    }
}
