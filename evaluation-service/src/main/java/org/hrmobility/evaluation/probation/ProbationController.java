package org.hrmobility.evaluation.probation;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.Stored;
import org.hrmobility.kit.web.Page;
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
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** R-EVA-6: HR starts a manager's probation; the evaluation held at its end closes it. */
@RestController
@RequestMapping("/api/evaluations/probations")
@Validated
class ProbationController {

    record StartProbation(@NotBlank @Size(max = 64) String employeeId, @NotNull LocalDate startsOn, @NotNull @Min(1) @Max(120) Integer months) {
    }

    private final ProbationService probations;

    ProbationController(ProbationService probations) {
        this.probations = probations;
    }

    @PostMapping
    Mono<ResponseEntity<Probation>> start(@Valid @RequestBody StartProbation r, CurrentUser user) {
        return probations.start(r.employeeId(), r.startsOn(), r.months(), user)
                .map(p -> ResponseEntity.created(URI.create("/api/evaluations/probations/" + p.value().id())).body(p.value()));
    }

    @GetMapping
    Mono<Page<Probation>> list(@RequestParam(required = false) Boolean active,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return probations.list(active, user, page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/{id}")
    Mono<Probation> get(@PathVariable UUID id, CurrentUser user) {
        return probations.get(id, user).map(Stored::value);
    }
}
