package org.hrmobility.contracts.mobility;

/**
 * HR closed a call for applications before its window ended, with the reason (R-COR-1); open applications stay as they are.
 */
public record CallClosed(
        String callId,
        String title,
        String reason) {
}
