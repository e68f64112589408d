package org.hrmobility.mobility.secondment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;
import org.hrmobility.mobility.Documents;
import org.hrmobility.mobility.Kind;
import org.hrmobility.mobility.Recorder;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** R-MOB-6: secondments, their decisions, and the register of active secondments per host. */
@Service
class SecondmentService {

    static final Kind<Secondment> SECONDMENT = new Kind<>("secondment", Secondment.class, Secondment::id, Secondment::version,
            Secondment::withVersion, s -> new AccessPolicy.Owner(s.employeeId(), s.lineManagerId()),
            s -> Documents.Columns.of(s.employeeId(), s.lineManagerId(), s.entity(), s.status().name())
                    .amount(s.status() == Secondment.Status.ACTIVE ? s.centralCompensationCents() : 0));

    /** One host in the register: its active secondments and what central funds compensate. */
    record HostRegister(String host, Secondment.HostType hostType, int activeSecondments, long centralCompensationCents,
                        List<Secondment> secondments) {
    }

    private final Recorder recorder;

    SecondmentService(Recorder recorder) {
        this.recorder = recorder;
    }

    /** The line manager or HR requests a secondment for an employee. */
    Mono<Secondment> request(String employeeId, String host, Secondment.HostType hostType, Secondment.Reason reason, LocalDate startsOn,
                             LocalDate endsOn, long annualSalaryCostCents, boolean hostBearsSalary, CurrentUser user) {
        return recorder.visibleEmployee(employeeId, user)
                .doOnNext(e -> {
                    if (!AccessPolicy.mayActFor(user, new AccessPolicy.Owner(e.employeeId(), e.lineManagerId()))) {
                        throw new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                                "The line manager or HR requests a secondment.");
                    }
                })
                .flatMap(e -> recorder.create(SECONDMENT, Secondment.request(UUID.randomUUID(), e, host, hostType, reason, startsOn,
                        endsOn, annualSalaryCostCents, hostBearsSalary, Recorder.actor(user), recorder.now())));
    }

    Mono<Secondment> lineManagerDecides(UUID id, boolean agreed, String why, CurrentUser user) {
        return recorder.decide(SECONDMENT, id, user, s -> user.has(Role.LINE_MANAGER) && user.employeeIdIs(s.lineManagerId())
                        || user.isCaseHandler(),
                s -> s.lineManagerDecides(agreed, why, Recorder.actor(user), recorder.now()));
    }

    Mono<Secondment> hostDecides(UUID id, boolean confirmed, String why, CurrentUser user) {
        return recorder.decide(SECONDMENT, id, user, s -> user.isCaseHandler(),
                s -> s.hostDecides(confirmed, why, Recorder.actor(user), recorder.now()));
    }

    Mono<Secondment> end(UUID id, LocalDate on, CurrentUser user) {
        return recorder.decide(SECONDMENT, id, user, s -> user.isCaseHandler(), s -> s.end(on, Recorder.actor(user), recorder.now()));
    }

    Mono<Secondment> get(UUID id, CurrentUser user) {
        return recorder.visible(SECONDMENT, id, user);
    }

    Mono<List<Secondment>> list(CurrentUser user) {
        return recorder.visibleAll(SECONDMENT, "true", Map.of(), user).collectList();
    }

    /** R-MOB-6: the register of active secondments per host institution, for HR. */
    Mono<List<HostRegister>> register(CurrentUser user) {
        if (!user.isCaseHandler() && !user.has(Role.HR_BUSINESS_PARTNER)) {
            return Mono.error(new ForbiddenException(null, "register-for-hr", "The register is for HR",
                    "The register of secondments is for HR case handlers and business partners."));
        }
        return recorder.documents().query(SECONDMENT.name(), "status = 'ACTIVE'", Map.of(), Secondment.class, SECONDMENT.withVersion())
                .filter(s -> user.isCaseHandler() || s.entity().equals(user.entity()))
                .collectList()
                .map(active -> active.stream().collect(Collectors.groupingBy(Secondment::host)).entrySet().stream()
                        .map(e -> new HostRegister(e.getKey(), e.getValue().get(0).hostType(), e.getValue().size(),
                                e.getValue().stream().mapToLong(Secondment::centralCompensationCents).sum(), e.getValue()))
                        .sorted(Comparator.comparing(HostRegister::host))
                        .toList());
    }
}
