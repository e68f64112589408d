package org.hrmobility.contracts.workbench;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** The workbench's decisions, on {@code hrm.workbench.events}, keyed by the line manager's id: who deputises for whom. */
public final class WorkbenchEvents {

    public static final String CONTEXT = "workbench";

    public static final EventType<DeputyNamed> DEPUTY_NAMED = type("DeputyNamed", DeputyNamed.class);
    public static final EventType<DeputyRevoked> DEPUTY_REVOKED = type("DeputyRevoked", DeputyRevoked.class);

    public static final List<EventType<?>> ALL = List.of(DEPUTY_NAMED, DEPUTY_REVOKED);

    private WorkbenchEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> payload) {
        return EventType.of(CONTEXT, name, 1, Topics.WORKBENCH_EVENTS, payload);
    }
}
