package org.hrmobility.contracts.employee;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** Master-data events, produced by the HR master-data system (in the local run: the demo data loader). */
public final class EmployeeEvents {

    public static final String CONTEXT = "masterdata";

    public static final EventType<EmployeeUpserted> EMPLOYEE_UPSERTED =
            EventType.of(CONTEXT, "EmployeeUpserted", 1, Topics.EMPLOYEES, EmployeeUpserted.class);

    public static final List<EventType<?>> ALL = List.of(EMPLOYEE_UPSERTED);

    private EmployeeEvents() {
    }
}
