package org.hrmobility.kit.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.audit.AuditTrail;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * R-PRV-1: everything this service holds about one employee, for HR answering a data subject's request, as one JSON
 * object of parts. The export itself is a history line ({@code subject-access}, who asked and when), so a request is
 * never answered without trace. The gateway puts the services' exports together.
 */
public class SubjectAccess {

    static final String AUDIT_TYPE = "subject-access";

    private final String service;
    private final List<PersonalData> parts;
    private final AuditTrail audit;
    private final TransactionalOperator transactional;
    private final Clock clock;

    public SubjectAccess(String service, List<PersonalData> parts, AuditTrail audit, TransactionalOperator transactional, Clock clock) {
        this.service = service;
        this.parts = List.copyOf(parts);
        this.audit = audit;
        this.transactional = transactional;
        this.clock = clock;
    }

    public Mono<Map<String, Object>> export(String employeeId, CurrentUser user) {
        if (!user.isCaseHandler()) {
            return Mono.error(new ForbiddenException(null, "subject-access-hr-only", "HR only",
                    "A data subject's request is answered by HR case handlers."));
        }
        Actor by = new Actor(user.subject(), user.employeeId());
        return transactional.transactional(audit.append(AUDIT_TYPE, employeeId,
                        by.did(clock.instant(), "subject-access export", service))
                .then(Flux.fromIterable(parts).concatMap(p -> p.about(employeeId).map(data -> Map.entry(p.part(), data)))
                        .collectList()))
                .map(entries -> {
                    Map<String, Object> export = new LinkedHashMap<>();
                    export.put("service", service);
                    export.put("employeeId", employeeId);
                    export.put("exportedAt", clock.instant().toString());
                    entries.forEach(e -> export.put(e.getKey(), e.getValue()));
                    return export;
                });
    }
}
