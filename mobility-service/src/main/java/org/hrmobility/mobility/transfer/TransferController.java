package org.hrmobility.mobility.transfer;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.hrmobility.kit.access.Permission;
import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.decision.Decisions;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;
import org.hrmobility.kit.store.Filter;
import org.hrmobility.kit.store.Query;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** R-MOB-7: HR records inbound transfers; a record, not a workflow. */
@RestController
@RequestMapping("/api/mobility/inbound-transfers")
@Validated
class TransferController {

    /** A person who is not an employee yet: only HR sees the record. */
    static final AggregateType<InboundTransfer> TRANSFER = AggregateType
            .builder("inbound-transfer", "inbound_transfer", InboundTransfer.class)
            .id(InboundTransfer::id)
            .readers(Readers.CASE_HANDLERS)
            .column(Column.text("entity", InboundTransfer::entity))
            .column(Column.name("origin", InboundTransfer::origin))
            .column(Column.date("starts_on", InboundTransfer::startsOn))
            .build();

    record RecordTransfer(@NotBlank @Size(max = 200) String personName, @NotNull InboundTransfer.Origin origin,
                          @NotNull @PositiveOrZero @Max(720) Integer monetarySeniorityMonths, @NotBlank @Size(max = 64) String entity,
                          @NotBlank @Pattern(regexp = "[NABCD][0-9]{0,2}") String grade, @NotNull LocalDate startsOn) {
    }

    private final Decisions decisions;
    private final Clock clock;

    TransferController(Decisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<InboundTransfer>> record(@Valid @RequestBody RecordTransfer r, CurrentUser user) {
        requireCaseHandler(user);
        return decisions.create(TRANSFER, InboundTransfer.record(UUID.randomUUID(), r.personName(), r.origin(),
                        r.monetarySeniorityMonths(), r.entity(), r.grade(), r.startsOn(), Permission.own(user), clock.instant()))
                .map(t -> ResponseEntity.created(URI.create("/api/mobility/inbound-transfers/" + t.value().id())).body(t.value()));
    }

    @GetMapping
    Mono<Page<InboundTransfer>> list(@RequestParam(required = false) InboundTransfer.Origin origin,
                                     @RequestParam(required = false) @Size(max = 64) String entity,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size, CurrentUser user) {
        requireCaseHandler(user);
        return decisions.store().page(Query.of(TRANSFER).where(Filter.eq("origin", origin), Filter.eq("entity", entity))
                .orderBy("starts_on", Query.Direction.DESC).visibleTo(user), page, size).map(p -> p.map(Stored::value));
    }

    @GetMapping("/{id}")
    Mono<InboundTransfer> get(@PathVariable UUID id, CurrentUser user) {
        requireCaseHandler(user);
        return decisions.read(TRANSFER, id, user).map(Stored::value);
    }

    private static void requireCaseHandler(CurrentUser user) {
        if (!user.isCaseHandler()) {
            throw new ForbiddenException(null, "case-handlers-only", "Case handlers only", "HR case handlers record inbound transfers.");
        }
    }
}
