package org.hrmobility.mobility.allowance;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility/allowances")
class AllowanceController {

    record Grant(@NotBlank String employeeId, @NotBlank @Size(max = 2000) String reason, @NotNull LocalDate startsOn,
                 @NotNull LocalDate endsOn) {

        @AssertTrue(message = "the allowance ends on or after it starts")
        boolean isPeriodValid() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    record Extension(@NotNull LocalDate endsOn) {
    }

    private final AllowanceService allowances;

    AllowanceController(AllowanceService allowances) {
        this.allowances = allowances;
    }

    @PostMapping
    Mono<ResponseEntity<Allowance>> grant(@Valid @RequestBody Grant r, CurrentUser user) {
        return allowances.grant(r.employeeId(), r.reason(), r.startsOn(), r.endsOn(), user)
                .map(a -> ResponseEntity.created(URI.create("/api/mobility/allowances/" + a.id())).body(a));
    }

    @GetMapping
    Mono<List<Allowance>> list(CurrentUser user) {
        return allowances.list(user);
    }

    @GetMapping("/{id}")
    Mono<Allowance> get(@PathVariable UUID id, CurrentUser user) {
        return allowances.get(id, user);
    }

    /** R-MOB-9: extends by exactly one year from the current end. */
    @PostMapping("/{id}/extensions")
    Mono<Allowance> extend(@PathVariable UUID id, @Valid @RequestBody Extension r, CurrentUser user) {
        return allowances.extend(id, r.endsOn(), user);
    }
}
