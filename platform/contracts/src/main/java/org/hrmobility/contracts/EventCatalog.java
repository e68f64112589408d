package org.hrmobility.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.recruitment.RecruitmentEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.workbench.WorkbenchEvents;

/** Every event type of the suite. Each context adds its own list here; the AsyncAPI document mirrors it. */
public final class EventCatalog {

    private static final List<EventType<?>> ALL = Stream.of(EmployeeEvents.ALL, RecruitmentEvents.ALL, RedeploymentEvents.ALL,
            EvaluationEvents.ALL, MobilityEvents.ALL, WorkbenchEvents.ALL)
            .flatMap(List::stream).toList();

    private static final Map<String, EventType<?>> BY_CE_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }
}
