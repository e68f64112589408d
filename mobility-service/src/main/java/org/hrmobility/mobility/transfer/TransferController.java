package org.hrmobility.mobility.transfer;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.problem.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.mobility.Documents;
import org.hrmobility.mobility.Kind;
import org.hrmobility.mobility.Recorder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import reactor.core.publisher.Mono;

/** R-MOB-7: HR records inbound transfers; a record, not a workflow. */
@RestController
@RequestMapping("/api/mobility/inbound-transfers")
class TransferController {

    /** A person who is not an employee yet: only HR sees the record. */
    static final Kind<InboundTransfer> TRANSFER = new Kind<>("inbound-transfer", InboundTransfer.class, InboundTransfer::id, t -> 1,
            (t, v) -> t, t -> new AccessPolicy.Owner(null, null), t -> Documents.Columns.of(null, null, t.entity(), t.origin().name()));

    record RecordTransfer(@NotBlank String personName, @NotNull InboundTransfer.Origin origin,
                          @NotNull @PositiveOrZero Integer monetarySeniorityMonths, @NotBlank String entity,
                          @NotBlank @Pattern(regexp = "[NABCD][0-9]{0,2}") String grade, @NotNull LocalDate startsOn) {
    }

    private final Recorder recorder;

    TransferController(Recorder recorder) {
        this.recorder = recorder;
    }

    @PostMapping
    Mono<ResponseEntity<InboundTransfer>> record(@Valid @RequestBody RecordTransfer r, CurrentUser user) {
        requireCaseHandler(user);
        return recorder.create(TRANSFER, InboundTransfer.record(UUID.randomUUID(), r.personName(), r.origin(),
                        r.monetarySeniorityMonths(), r.entity(), r.grade(), r.startsOn(), Recorder.actor(user), recorder.now()))
                .map(t -> ResponseEntity.created(URI.create("/api/mobility/inbound-transfers/" + t.id())).body(t));
    }

    @GetMapping
    Mono<List<InboundTransfer>> list(CurrentUser user) {
        requireCaseHandler(user);
        return recorder.documents().query(TRANSFER.name(), "true", Map.of(), InboundTransfer.class, TRANSFER.withVersion()).collectList();
    }

    private static void requireCaseHandler(CurrentUser user) {
        if (!user.isCaseHandler()) {
            throw new ForbiddenException(null, "case-handlers-only", "Case handlers only", "HR case handlers record inbound transfers.");
        }
    }
}
