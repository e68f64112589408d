package org.hrmobility.kit.testapp;

import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.outbox.Outbox;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

/** A state change and its event in one transaction; {@code refuse} makes a rule refuse it after both were written. */
@RestController
class NoteController {

    record WriteNote(@NotBlank String text, String key, int sequence, boolean refuse) {
    }

    private final DatabaseClient db;
    private final Outbox outbox;
    private final TransactionalOperator transactional;

    NoteController(DatabaseClient db, Outbox outbox, TransactionalOperator transactional) {
        this.db = db;
        this.outbox = outbox;
        this.transactional = transactional;
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Map<String, String>> write(@Valid @RequestBody WriteNote command) {
        UUID id = UUID.randomUUID();
        String key = command.key() == null ? id.toString() : command.key();
        Mono<Map<String, String>> work = db.sql("insert into note (id, text) values (:id, :text)")
                .bind("id", id).bind("text", command.text()).then()
                .then(outbox.append(OutgoingEvent.of(NoteWritten.TYPE, key,
                        new NoteWritten(id.toString(), command.text(), command.sequence()))))
                .then(Mono.fromCallable(() -> {
                    if (command.refuse()) {
                        throw new RuleViolationException("R-KIT-1", "note-refused", "Note refused",
                                "This note was refused after it was written.");
                    }
                    return Map.of("id", id.toString());
                }));
        return transactional.transactional(work);
    }
}
