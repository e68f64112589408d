package org.hrmobility.mobility.international;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.hrmobility.contracts.employee.Grade;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility")
@Validated
class InternationalController {

    /** The largest amount of one cost in cents: ten million euros. */
    static final long MAX_CENTS = 1_000_000_000L;

    record OpenCall(@NotNull Programme programme, @NotBlank @Size(max = 200) String title, @NotNull LocalDate opensOn,
                    @NotNull LocalDate closesOn, @NotEmpty @Size(max = 5) Set<Grade.@NotNull Level> eligibleLevels, @Min(1) @Max(6) Integer maxMonths) {

        @AssertTrue(message = "the window closes on or after it opens")
        boolean isWindowValid() {
            return opensOn == null || closesOn == null || !closesOn.isBefore(opensOn);
        }

        @AssertTrue(message = "a cap lies within the programme's months: EXCHANGE 1 to 6, WORK_VISIT 1 to 3")
        boolean isCapValid() {
            return maxMonths == null || programme == null || maxMonths >= programme.minMonths() && maxMonths <= programme.maxMonths();
        }
    }

    record Apply(@NotBlank @Size(max = 200) String host, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                 @NotNull @PositiveOrZero @Max(MAX_CENTS) Long travelCents, @NotNull @PositiveOrZero @Max(MAX_CENTS) Long stayCents) {

        @AssertTrue(message = "the stay ends on or after its first day")
        boolean isStayValid() {
            return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
        }
    }

    record Answer(@NotNull Boolean agreed, @Size(max = 2000) String reason) {

        @AssertTrue(message = "a refusal gives its reason")
        boolean isReasonGiven() {
            return !Boolean.FALSE.equals(agreed) || reason != null && !reason.isBlank();
        }
    }

    /** {@code reason}: required when HR withdraws on the employee's behalf. */
    record Withdrawal(@Size(max = 2000) String reason) {
    }

    record Closure(@NotBlank @Size(max = 2000) String reason) {
    }

    /** What the API shows of an application, with the central co-funding computed (R-MOB-3). */
    record ApplicationView(UUID id, UUID callId, Programme programme, String employeeId, String host, LocalDate startsOn,
                           LocalDate endsOn, long travelCents, long stayCents, long centralShareCents, Application.Status status,
                           String refusalReason) {

        static ApplicationView of(Stored<Application> stored) {
            Application a = stored.value();
            return new ApplicationView(a.id(), a.callId(), a.programme(), a.employeeId(), a.host(), a.stay().startsOn(),
                    a.stay().endsOn(), a.travelCents(), a.stayCents(), a.centralShareCents(), a.status(), a.refusalReason());
        }
    }

    private final InternationalService international;

    InternationalController(InternationalService international) {
        this.international = international;
    }

    @PostMapping("/calls")
    Mono<ResponseEntity<Call>> openCall(@Valid @RequestBody OpenCall r, CurrentUser user) {
        return international.openCall(r.programme(), r.title(), r.opensOn(), r.closesOn(), r.eligibleLevels(), r.maxMonths(), user)
                .map(c -> ResponseEntity.created(URI.create("/api/mobility/calls/" + c.value().id())).body(c.value()));
    }

    /** {@code ?openToday=true}: the calls whose window is open today. */
    @GetMapping("/calls")
    Mono<Page<Call>> calls(@RequestParam(required = false) Call.Status status, @RequestParam(required = false) Programme programme,
                           @RequestParam(defaultValue = "false") boolean openToday,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return international.calls(status, programme, openToday, user, page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/calls/{id}")
    Mono<Call> call(@PathVariable UUID id, CurrentUser user) {
        return international.call(id, user).map(Stored::value);
    }

    /** R-COR-1: HR closes the call early, with the reason. */
    @PostMapping("/calls/{id}/closure")
    Mono<Call> closeCall(@PathVariable UUID id, @Valid @RequestBody Closure r, CurrentUser user) {
        return international.closeCall(id, r.reason(), user).map(Stored::value);
    }

    @PostMapping("/calls/{id}/applications")
    Mono<ResponseEntity<ApplicationView>> apply(@PathVariable UUID id, @Valid @RequestBody Apply r, CurrentUser user) {
        return international.apply(id, r.host(), new Stay(r.startsOn(), r.endsOn()), r.travelCents(), r.stayCents(), user)
                .map(a -> ResponseEntity.created(URI.create("/api/mobility/applications/" + a.value().id())).body(ApplicationView.of(a)));
    }

    @GetMapping("/calls/{id}/applications")
    Mono<Page<ApplicationView>> callApplications(@PathVariable UUID id, @RequestParam(required = false) Application.Status status,
                                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return international.applications(new InternationalService.Search(id, status, null, null, null), user, page, size)
                .map(p -> p.map(ApplicationView::of));
    }

    /** {@code ?waitingOnHostLongerThan=P14D}: the applications a host keeps waiting. */
    @GetMapping("/applications")
    Mono<Page<ApplicationView>> applications(@RequestParam(required = false) UUID callId,
                                             @RequestParam(required = false) Application.Status status,
                                             @RequestParam(required = false) @Size(max = 64) String entity,
                                             @RequestParam(required = false) @Size(max = 64) String employeeId,
                                             @RequestParam(required = false) @DurationMin(days = 0) @DurationMax(days = 3_660) Duration waitingOnHostLongerThan,
                                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        return international.applications(new InternationalService.Search(callId, status, entity, employeeId, waitingOnHostLongerThan),
                user, page, size).map(p -> p.map(ApplicationView::of));
    }

    @GetMapping("/applications/{id}")
    Mono<ApplicationView> application(@PathVariable UUID id, CurrentUser user) {
        return international.application(id, user).map(ApplicationView::of);
    }

    @PostMapping("/applications/{id}/line-manager-decision")
    Mono<ApplicationView> lineManager(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return international.lineManagerDecides(id, r.agreed(), r.reason(), user).map(ApplicationView::of);
    }

    @PostMapping("/applications/{id}/host-decision")
    Mono<ApplicationView> host(@PathVariable UUID id, @Valid @RequestBody Answer r, CurrentUser user) {
        return international.hostDecides(id, r.agreed(), r.reason(), user).map(ApplicationView::of);
    }

    @PostMapping("/applications/{id}/withdrawal")
    Mono<ApplicationView> withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) Withdrawal r, CurrentUser user) {
        return international.withdraw(id, r == null ? null : r.reason(), user).map(ApplicationView::of);
    }
}
