package org.hrmobility.mobility.international;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/mobility")
class InternationalController {

    record OpenCall(@NotNull Programme programme, @NotBlank @Size(max = 200) String title, @NotNull LocalDate opensOn,
                    @NotNull LocalDate closesOn, @NotEmpty Set<Grade.Level> eligibleLevels, Integer maxMonths) {

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
                 @NotNull @PositiveOrZero Long travelCents, @NotNull @PositiveOrZero Long stayCents) {

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

    /** What the API shows of an application, with the central co-funding computed (R-MOB-3). */
    record ApplicationView(UUID id, UUID callId, Programme programme, String employeeId, String host, LocalDate startsOn,
                           LocalDate endsOn, long travelCents, long stayCents, long centralShareCents, Application.Status status,
                           String refusalReason) {

        static ApplicationView of(Application a) {
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
        Call call = new Call(UUID.randomUUID(), r.programme(), r.title(), r.opensOn(), r.closesOn(), r.eligibleLevels(), r.maxMonths());
        return international.openCall(call, user).map(c -> ResponseEntity.created(URI.create("/api/mobility/calls/" + c.id())).body(c));
    }

    @GetMapping("/calls")
    Mono<List<Call>> calls() {
        return international.calls();
    }

    @GetMapping("/calls/{id}")
    Mono<Call> call(@PathVariable UUID id) {
        return international.call(id);
    }

    @PostMapping("/calls/{id}/applications")
    Mono<ResponseEntity<ApplicationView>> apply(@PathVariable UUID id, @Valid @RequestBody Apply r, CurrentUser user) {
        return international.apply(id, r.host(), new Stay(r.startsOn(), r.endsOn()), r.travelCents(), r.stayCents(), user)
                .map(a -> ResponseEntity.created(URI.create("/api/mobility/applications/" + a.id())).body(ApplicationView.of(a)));
    }

    @GetMapping("/calls/{id}/applications")
    Mono<List<ApplicationView>> callApplications(@PathVariable UUID id, CurrentUser user) {
        return international.applications(id, null, user).map(l -> l.stream().map(ApplicationView::of).toList());
    }

    /** {@code ?waitingOnHostLongerThan=P14D}: case handlers see the applications a host keeps waiting. */
    @GetMapping("/applications")
    Mono<List<ApplicationView>> applications(@RequestParam(required = false) Duration waitingOnHostLongerThan, CurrentUser user) {
        return international.applications(null, waitingOnHostLongerThan, user).map(l -> l.stream().map(ApplicationView::of).toList());
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
    Mono<ApplicationView> withdraw(@PathVariable UUID id, CurrentUser user) {
        return international.withdraw(id, user).map(ApplicationView::of);
    }
}
