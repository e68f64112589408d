package org.hrmobility.kit.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.NotFoundException;
import org.hrmobility.kit.domain.RuleViolationException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Endpoints that fail in each of the ways a service can, to check the answers. */
@RestController
class ProbeController {

    record Probe(@NotBlank String name, @Min(1) int count) {

        /** A check across fields, as bean validation sees it: the property {@code nameFitsCount}. */
        @AssertTrue(message = "the name is no longer than the count")
        boolean isNameFitsCount() {
            return name == null || name.length() <= Math.max(count, 1);
        }
    }

    @GetMapping("/probe/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @GetMapping("/probe/employees/{employeeId}/file")
    Map<String, String> file(@PathVariable String employeeId, CurrentUser user) {
        // in this probe every employee's line manager is E-MGR
        AccessPolicy.requireVisible(user, new AccessPolicy.Owner(employeeId, "E-MGR"), "file", employeeId);
        return Map.of("employeeId", employeeId);
    }

    @PostMapping("/probe/validated")
    Probe validated(@Valid @RequestBody Probe probe) {
        return probe;
    }

    enum Colour { RED, GREEN }

    @GetMapping("/probe/typed/{id}")
    Map<String, Object> typed(@PathVariable UUID id, @RequestParam(required = false) LocalDate day,
                              @RequestParam(required = false) Colour colour) {
        return Map.of("id", id);
    }

    record Line(Colour colour, int count) {
    }

    record Order(LocalDate day, List<Line> lines) {
    }

    @PostMapping("/probe/typed-body")
    Order typedBody(@RequestBody Order order) {
        return order;
    }

    @GetMapping("/probe/month-after")
    LocalDate monthAfter(@RequestParam LocalDate day) {
        return day.plusMonths(1);
    }

    @GetMapping("/probe/rule")
    void rule() {
        throw new RuleViolationException("R-RED-3", "offer-grade-too-high", "Offer grade too high",
                "An offer must be of equal or lower grade than the employee's own (B2); this one is A1.");
    }

    @GetMapping("/probe/conflict")
    void conflict() {
        throw new ConflictException("R-RED-5", "offer-already-open", "Offer already open",
                "Case 7 already has an open offer.");
    }

    @GetMapping("/probe/missing")
    void missing() {
        throw new NotFoundException("case", "42");
    }

    @GetMapping("/probe/boom")
    void boom() {
        throw new IllegalStateException("secret internal detail at org.hrmobility.Somewhere");
    }
}
