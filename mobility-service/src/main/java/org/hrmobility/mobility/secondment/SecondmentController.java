package org.hrmobility.mobility.secondment;

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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility/secondments")
class SecondmentController {

    record RequestSecondment(@NotBlank String employeeId, @NotBlank @Size(max = 200) String host,
                             @NotNull Secondment.HostType hostType, @NotNull Secondment.Reason reason, @NotNull LocalDate startsOn,
                             @NotNull LocalDate endsOn, @NotNull @PositiveOrZero Long annualSalaryCostCents,
                             @NotNull Boolean hostBearsSalary) {

        @AssertTrue(message = "a secondment ends on or after it starts")
        boolean isPeriodValid() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    record Answer(@NotNull Boolean agreed, @Size(max = 2000) String reason) {
    }

    record End(@NotNull LocalDate on) {
    }

    private final SecondmentService secondments;

    SecondmentController(SecondmentService secondments) {
        this.secondments = secondments;
    }

    @PostMapping
    Mono<ResponseEntity<Secondment>> request(@Valid @RequestBody RequestSecondment r, CurrentUser user) {
        return secondments.request(r.employeeId(), r.host(), r.hostType(), r.reason(), r.startsOn(), r.endsOn(),
                        r.annualSalaryCostCents(), r.hostBearsSalary(), user)
                .map(s -> ResponseEntity.created(URI.create("/api/mobility/secondments/" + s.id())).body(s));
    }

    @GetMapping
    Mono<List<Secondment>> list(CurrentUser user) {
        return secondments.list(user);
    }

    @GetMapping("/register")
    Mono<List<SecondmentService.HostRegister>> register(CurrentUser user) {
        return secondments.register(user);
    }

    @GetMapping("/{id}")
    Mono<Secondment> get(@PathVariable UUID id, CurrentUser user) {
        return secondments.get(id, user);
    }

    @PostMapping("/{id}/line-manager-decision")
    Mono<Secondment> lineManager(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return secondments.lineManagerDecides(id, r.agreed(), r.reason(), user);
    }

    @PostMapping("/{id}/host-confirmation")
    Mono<Secondment> host(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return secondments.hostDecides(id, r.agreed(), r.reason(), user);
    }

    @PostMapping("/{id}/end")
    Mono<Secondment> end(@PathVariable UUID id, @Valid @RequestBody End r, CurrentUser user) {
        return secondments.end(id, r.on(), user);
    }
}
