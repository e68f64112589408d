package org.hrmobility.mobility.allowance;

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
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility/allowances")
@Validated
class AllowanceController {

    /** {@code onBehalfReason}: when HR grants on the line manager's behalf, why (else the grant's reason stands for it). */
    record Grant(@NotBlank @Size(max = 64) String employeeId, @NotBlank @Size(max = 2000) String reason, @NotNull LocalDate startsOn,
                 @NotNull LocalDate endsOn, @Size(max = 2000) String onBehalfReason) {

        @AssertTrue(message = "the allowance ends on or after it starts")
        boolean isPeriodValid() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    /** The new end, exactly a year after the day after the current end; absent, that year's end is taken. */
    record Extension(LocalDate endsOn, @Size(max = 2000) String reason) {
    }

    record EarlyEnd(@NotNull LocalDate on, @NotBlank @Size(max = 2000) String reason) {
    }

    private final AllowanceService allowances;

    AllowanceController(AllowanceService allowances) {
        this.allowances = allowances;
    }

    @PostMapping
    Mono<ResponseEntity<Allowance>> grant(@Valid @RequestBody Grant r, CurrentUser user) {
        return allowances.grant(r.employeeId(), r.reason(), r.startsOn(), r.endsOn(), r.onBehalfReason(), user)
                .map(a -> ResponseEntity.created(URI.create("/api/mobility/allowances/" + a.value().id())).body(a.value()));
    }

    @GetMapping
    Mono<Page<Allowance>> list(@RequestParam(required = false) Allowance.Status status,
                               @RequestParam(required = false) @Size(max = 64) String entity,
                               @RequestParam(required = false) @Size(max = 64) String employeeId,
                               @RequestParam(required = false) LocalDate endingBefore,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return allowances.list(new AllowanceService.Search(status, entity, employeeId, endingBefore), user, page, size)
                .map(p -> p.map(Stored::value));
    }

    @GetMapping("/{id}")
    Mono<Allowance> get(@PathVariable UUID id, CurrentUser user) {
        return allowances.get(id, user).map(Stored::value);
    }

    /** R-MOB-9: extends by one year from the day after the current end, while it runs or within 30 days after. */
    @PostMapping("/{id}/extensions")
    Mono<Allowance> extend(@PathVariable UUID id, @Valid @RequestBody(required = false) Extension r, CurrentUser user) {
        return allowances.extend(id, r == null ? null : r.endsOn(), r == null ? null : r.reason(), user).map(Stored::value);
    }

    /** R-COR-1: ended early, on a day from its start to before its end. */
    @PostMapping("/{id}/end")
    Mono<Allowance> end(@PathVariable UUID id, @Valid @RequestBody EarlyEnd r, CurrentUser user) {
        return allowances.endEarly(id, r.on(), r.reason(), user).map(Stored::value);
    }
}
