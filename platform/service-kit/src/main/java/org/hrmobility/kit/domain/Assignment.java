package org.hrmobility.kit.domain;

import java.time.Instant;

/**
 * The case handler responsible for a file ("my cases"), since when. A first assignment needs no reason; passing a file
 * to another handler does, and it goes in the history (R-COR-1: never silently).
 */
public record Assignment(String handlerId, Instant since) {

    /** The assignment after giving the file to {@code handlerId}; refuses giving it to whom already has it. */
    public static Assignment next(Assignment current, String handlerId, String reason, Instant now) {
        if (handlerId == null || handlerId.isBlank()) {
            throw new BadRequestException("handler-required", "Case handler required", "Name the case handler to assign.");
        }
        if (current != null && current.handlerId().equals(handlerId)) {
            throw new ConflictException("already-assigned", "Already assigned", "This file is already assigned to " + handlerId + ".");
        }
        if (current != null && (reason == null || reason.isBlank())) {
            throw new BadRequestException("reason-required", "Reason required",
                    "Passing a file from " + current.handlerId() + " to another case handler needs a reason.");
        }
        return new Assignment(handlerId, now);
    }

    /** The history line of going from {@code previous} (or nobody) to this. */
    public String describeFrom(Assignment previous) {
        return previous == null ? "assigned to " + handlerId : "reassigned from " + previous.handlerId() + " to " + handlerId;
    }

    public static String handlerOf(Assignment assignment) {
        return assignment == null ? null : assignment.handlerId();
    }
}
