package org.hrmobility.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * Where one live stream is: the notifications it sent lately and the newest one's time. Its catching up after the
 * listener was away asks the inbox from a little before that time (instances' clocks differ), and this sends each
 * notification once whatever way it came.
 */
final class StreamCursor {

    /** Instances' clocks and commit order differ by less than this. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    private static final int REMEMBERED = 1024;

    private final LinkedHashSet<UUID> sent = new LinkedHashSet<>();
    private Instant newest;

    StreamCursor(Instant openedAt) {
        this.newest = openedAt;
    }

    /** True the first time this notification goes out on the stream. */
    synchronized boolean firstTime(Notification n) {
        if (!sent.add(n.id())) {
            return false;
        }
        if (sent.size() > REMEMBERED) {
            sent.remove(sent.iterator().next());
        }
        if (n.createdAt().isAfter(newest)) {
            newest = n.createdAt();
        }
        return true;
    }

    /** From when to ask the inbox for what may have been missed. */
    synchronized Instant resumeFrom() {
        return newest.minus(MARGIN);
    }
}
