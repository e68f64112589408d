package org.hrmobility.mobility.allowance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.mobility.Documents;
import org.hrmobility.mobility.Kind;
import org.hrmobility.mobility.Recorder;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** R-MOB-9: heavier-duty allowances, granted and extended by the line manager (or HR), reminded before they end. */
@Service
public class AllowanceService {

    static final Kind<Allowance> ALLOWANCE = new Kind<>("allowance", Allowance.class, Allowance::id, Allowance::version,
            Allowance::withVersion, a -> new AccessPolicy.Owner(a.employeeId(), a.lineManagerId()),
            a -> Documents.Columns.of(a.employeeId(), a.lineManagerId(), a.entity(), "GRANTED")
                    .due(a.reminded() ? null : a.endsOn().minusMonths(1)));

    private final Recorder recorder;

    AllowanceService(Recorder recorder) {
        this.recorder = recorder;
    }

    Mono<Allowance> grant(String employeeId, String reason, LocalDate startsOn, LocalDate endsOn, CurrentUser user) {
        return recorder.visibleEmployee(employeeId, user)
                .doOnNext(e -> {
                    if (!AccessPolicy.mayActFor(user, new AccessPolicy.Owner(e.employeeId(), e.lineManagerId()))) {
                        throw new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                                "The line manager grants the heavier-duty allowance (R-MOB-9).");
                    }
                })
                .flatMap(e -> recorder.create(ALLOWANCE, Allowance.grant(UUID.randomUUID(), e, reason, startsOn, endsOn,
                        Recorder.actor(user), recorder.now())));
    }

    Mono<Allowance> extend(UUID id, LocalDate newEndsOn, CurrentUser user) {
        return recorder.decide(ALLOWANCE, id, user, a -> AccessPolicy.mayActFor(user, ALLOWANCE.owner().apply(a)),
                a -> a.extend(newEndsOn, Recorder.actor(user), recorder.now()));
    }

    Mono<Allowance> get(UUID id, CurrentUser user) {
        return recorder.visible(ALLOWANCE, id, user);
    }

    Mono<List<Allowance>> list(CurrentUser user) {
        return recorder.visibleAll(ALLOWANCE, "true", Map.of(), user).collectList();
    }

    /** Reminders that fell due, one allowance per transaction. */
    public Mono<Long> sendReminders() {
        LocalDate today = recorder.today();
        return recorder.documents().query(ALLOWANCE.name(), "due_on <= :today", Map.of("today", today), Allowance.class,
                        ALLOWANCE.withVersion())
                .concatMap(a -> a.remindIfDue(today, recorder.now())
                        .map(d -> recorder.inTransaction(recorder.save(ALLOWANCE, d, a.version())).thenReturn(1L))
                        .orElse(Mono.empty()))
                .count();
    }
}
