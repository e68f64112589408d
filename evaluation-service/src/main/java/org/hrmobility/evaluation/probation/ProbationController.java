package org.hrmobility.evaluation.probation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.evaluation.evaluation.EvaluationService;
import org.hrmobility.kit.employee.EmployeeDirectory;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.problem.NotFoundException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** R-EVA-6: HR starts a manager's probation; the evaluation held at its end closes it. */
@RestController
@RequestMapping("/api/evaluations/probations")
class ProbationController {

    record StartProbation(@NotBlank String employeeId, @NotNull LocalDate startsOn, @NotNull Integer months) {
    }

    private final ProbationRepository probations;
    private final EmployeeDirectory employees;
    private final EvaluationService evaluations;
    private final TransactionalOperator transactional;

    ProbationController(ProbationRepository probations, EmployeeDirectory employees, EvaluationService evaluations,
                        TransactionalOperator transactional) {
        this.probations = probations;
        this.employees = employees;
        this.evaluations = evaluations;
        this.transactional = transactional;
    }

    @PostMapping
    Mono<ResponseEntity<Probation>> start(@Valid @RequestBody StartProbation r, CurrentUser user) {
        if (!user.isCaseHandler()) {
            return Mono.error(new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                    "HR case handlers start probations."));
        }
        return transactional.transactional(employees.find(r.employeeId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("employee", r.employeeId())))
                .flatMap(e -> probations.findActive(e.employeeId())
                        .flatMap(active -> Mono.<Probation>error(new ConflictException("probation-running", "Probation running",
                                "This manager's probation runs until " + active.endsOn() + ".")))
                        .switchIfEmpty(Mono.defer(() -> evaluations.saveProbation(Probation.start(UUID.randomUUID(), e.employeeId(),
                                e.lineManagerId(), e.entity(), r.startsOn(), r.months(), EvaluationService.actor(user),
                                evaluations.now()))))))
                .map(p -> ResponseEntity.created(URI.create("/api/evaluations/probations/" + p.id())).body(p));
    }

    @GetMapping
    Mono<List<Probation>> list(CurrentUser user) {
        return probations.findAll()
                .filter(p -> AccessPolicy.maySee(user, new AccessPolicy.Owner(p.employeeId(), p.lineManagerId())))
                .collectList();
    }
}
