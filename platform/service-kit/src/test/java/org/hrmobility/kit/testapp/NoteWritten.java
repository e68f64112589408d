package org.hrmobility.kit.testapp;

import org.hrmobility.contracts.EventType;

public record NoteWritten(String noteId, String text, int sequence) {

    public static final String TOPIC = "kittest.notes";
    public static final EventType<NoteWritten> TYPE = EventType.of("kittest", "NoteWritten", 1, TOPIC, NoteWritten.class);
}
