package org.hrmobility.redeployment.casefile;

import java.time.Instant;

/** One step of a case, for its append-only history: who, when, what and why. */
public record HistoryEntry(Instant at, Actor actor, String action, String detail) {
}
