package org.hrmobility.mobility.secondment;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility/secondments")
@Validated
class SecondmentController {

    record RequestSecondment(@NotBlank @Size(max = 64) String employeeId, @NotBlank @Size(max = 200) String host,
                             @NotNull Secondment.HostType hostType, @NotNull Secondment.Reason reason, @NotNull LocalDate startsOn,
                             @NotNull LocalDate endsOn, @NotNull @PositiveOrZero @Max(1_000_000_000L) Long annualSalaryCostCents,
                             @NotNull Boolean hostBearsSalary) {

        @AssertTrue(message = "a secondment ends on or after it starts")
        boolean isPeriodValid() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    record Answer(@NotNull Boolean agreed, @Size(max = 2000) String reason) {

        @AssertTrue(message = "a refusal gives its reason")
        boolean isReasonGiven() {
            return !Boolean.FALSE.equals(agreed) || reason != null && !reason.isBlank();
        }
    }

    /** R-COR-1: the early last day and why. */
    record EarlyEnd(@NotNull LocalDate on, @NotBlank @Size(max = 2000) String reason) {
    }

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    /** What the API shows of a secondment, with the central share for its period and a year's compensation (R-MOB-6). */
    record SecondmentView(UUID id, String employeeId, String entity, String host, Secondment.HostType hostType,
                          Secondment.Reason reason, LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents,
                          boolean hostBearsSalary, Secondment.Status status, long centralCompensationCents, long centralShareCents,
                          String closingReason) {

        static SecondmentView of(Secondment s) {
            return new SecondmentView(s.id(), s.employeeId(), s.entity(), s.host(), s.hostType(), s.reason(), s.startsOn(),
                    s.endsOn(), s.annualSalaryCostCents(), s.hostBearsSalary(), s.status(), s.centralCompensationCents(),
                    s.centralShareCents(), s.closingReason());
        }

        static SecondmentView of(Stored<Secondment> stored) {
            return of(stored.value());
        }
    }

    record RegisterView(String host, Secondment.HostType hostType, int secondments, long centralShareCents,
                        List<SecondmentView> items) {

        static RegisterView of(SecondmentService.HostRegister r) {
            return new RegisterView(r.host(), r.hostType(), r.secondments(), r.centralShareCents(),
                    r.items().stream().map(SecondmentView::of).toList());
        }
    }

    private final SecondmentService secondments;

    SecondmentController(SecondmentService secondments) {
        this.secondments = secondments;
    }

    @PostMapping
    Mono<ResponseEntity<SecondmentView>> request(@Valid @RequestBody RequestSecondment r, CurrentUser user) {
        return secondments.request(r.employeeId(), r.host(), r.hostType(), r.reason(), r.startsOn(), r.endsOn(),
                        r.annualSalaryCostCents(), r.hostBearsSalary(), user)
                .map(s -> ResponseEntity.created(URI.create("/api/mobility/secondments/" + s.value().id())).body(SecondmentView.of(s)));
    }

    @GetMapping
    Mono<Page<SecondmentView>> list(@RequestParam(required = false) Secondment.Status status,
                                    @RequestParam(required = false) @Size(max = 200) String host,
                                    @RequestParam(required = false) @Size(max = 64) String entity,
                                    @RequestParam(required = false) @Size(max = 64) String employeeId,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                    @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return secondments.list(new SecondmentService.Search(status, host, entity, employeeId), user, page, size)
                .map(p -> p.map(SecondmentView::of));
    }

    /** R-MOB-6: per host, the secondments covering that day (default today) and the central share for their periods. */
    @GetMapping("/register")
    Mono<List<RegisterView>> register(@RequestParam(required = false) LocalDate on, CurrentUser user) {
        return secondments.register(on, user).map(l -> l.stream().map(RegisterView::of).toList());
    }

    @GetMapping("/{id}")
    Mono<SecondmentView> get(@PathVariable UUID id, CurrentUser user) {
        return secondments.get(id, user).map(SecondmentView::of);
    }

    @PostMapping("/{id}/line-manager-decision")
    Mono<SecondmentView> lineManager(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return secondments.lineManagerDecides(id, r.agreed(), r.reason(), user).map(SecondmentView::of);
    }

    @PostMapping("/{id}/host-confirmation")
    Mono<SecondmentView> host(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return secondments.hostDecides(id, r.agreed(), r.reason(), user).map(SecondmentView::of);
    }

    /** R-COR-1: ended early, on a day from its start to before its planned end. */
    @PostMapping("/{id}/end")
    Mono<SecondmentView> end(@PathVariable UUID id, @Valid @RequestBody EarlyEnd r, CurrentUser user) {
        return secondments.endEarly(id, r.on(), r.reason(), user).map(SecondmentView::of);
    }

    /** R-COR-1: withdrawn before it starts. */
    @PostMapping("/{id}/withdrawal")
    Mono<SecondmentView> withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal r, CurrentUser user) {
        return secondments.withdraw(id, r.reason(), user).map(SecondmentView::of);
    }
}
