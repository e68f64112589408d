package org.hrmobility.mobility.international;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.mobility.CallOpened;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.mobility.Documents;
import org.hrmobility.mobility.Kind;
import org.hrmobility.mobility.Recorder;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** International mobility: calls (R-MOB-4) and applications to them (R-MOB-1, 2, 3, 5). */
@Service
class InternationalService {

    /** Calls belong to nobody in particular: everyone may read them. */
    static final Kind<Call> CALL = new Kind<>("call", Call.class, Call::id, c -> 1, (c, v) -> c,
            c -> new AccessPolicy.Owner(null, null), c -> Documents.Columns.of(null, null, null, "OPEN"));
    static final Kind<Application> APPLICATION = new Kind<>("application", Application.class, Application::id,
            Application::version, Application::withVersion, a -> new AccessPolicy.Owner(a.employeeId(), a.lineManagerId()),
            a -> Documents.Columns.of(a.employeeId(), a.lineManagerId(), a.entity(), a.status().name()).parent(a.callId())
                    .amount(a.centralShareCents()));

    private final Recorder recorder;

    InternationalService(Recorder recorder) {
        this.recorder = recorder;
    }

    Mono<Call> openCall(Call call, CurrentUser user) {
        if (!user.isCaseHandler()) {
            return Mono.error(new ForbiddenException(null, "case-handlers-only", "Case handlers only", "HR case handlers open calls."));
        }
        return recorder.create(CALL, new Decision<>(call, List.of(OutgoingEvent.of(MobilityEvents.CALL_OPENED, call.id().toString(),
                new CallOpened(call.id().toString(), call.programme().name(), call.title(), call.opensOn(), call.closesOn(),
                        call.eligibleLevels().stream().map(Enum::name).sorted().toList(), call.maxMonths()))),
                Recorder.actor(user).did(recorder.now(), "call opened: " + call.title(), null)));
    }

    Mono<Call> call(UUID id) {
        return recorder.load(CALL, id);
    }

    Mono<List<Call>> calls() {
        return recorder.documents().query(CALL.name(), "true", Map.of(), Call.class, CALL.withVersion()).collectList();
    }

    /** An employee applies for themselves. */
    Mono<Application> apply(UUID callId, String host, Stay stay, long travelCents, long stayCents, CurrentUser user) {
        if (user.employeeId() == null) {
            return Mono.error(new ForbiddenException(null, "employees-only", "Employees only", "Employees apply for themselves."));
        }
        return call(callId).zipWith(recorder.visibleEmployee(user.employeeId(), user))
                .flatMap(t -> recorder.create(APPLICATION, Application.submit(UUID.randomUUID(), t.getT1(), t.getT2(), host, stay,
                        travelCents, stayCents, recorder.today(), Recorder.actor(user), recorder.now())));
    }

    Mono<Application> lineManagerDecides(UUID id, boolean agreed, String reason, CurrentUser user) {
        return recorder.decide(APPLICATION, id, user,
                a -> AccessPolicy.mayActFor(user, APPLICATION.owner().apply(a)) && !user.employeeIdIs(a.employeeId()),
                a -> a.lineManagerDecides(agreed, reason, Recorder.actor(user), recorder.now()));
    }

    /** The host's answer reaches HR, who records it. */
    Mono<Application> hostDecides(UUID id, boolean greenLight, String reason, CurrentUser user) {
        return recorder.decide(APPLICATION, id, user, a -> user.isCaseHandler(),
                a -> a.hostDecides(greenLight, reason, Recorder.actor(user), recorder.now()));
    }

    Mono<Application> withdraw(UUID id, CurrentUser user) {
        return recorder.decide(APPLICATION, id, user, a -> user.employeeIdIs(a.employeeId()),
                a -> a.withdraw(recorder.today(), Recorder.actor(user), recorder.now()));
    }

    Mono<Application> application(UUID id, CurrentUser user) {
        return recorder.visible(APPLICATION, id, user);
    }

    /** Applications this user may see; case handlers may ask for those a host keeps waiting longer than a while. */
    Mono<List<Application>> applications(UUID callId, Duration waitingOnHostLongerThan, CurrentUser user) {
        return recorder.visibleAll(APPLICATION, callId == null ? "true" : "parent_id = :call",
                        callId == null ? Map.of() : Map.of("call", callId), user)
                .filter(a -> waitingOnHostLongerThan == null || user.isCaseHandler() && a.waitingOnHostSince() != null
                        && a.waitingOnHostSince().plus(waitingOnHostLongerThan).isBefore(recorder.now()))
                .collectList();
    }
}
