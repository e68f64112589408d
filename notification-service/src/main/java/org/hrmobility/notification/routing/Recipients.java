package org.hrmobility.notification.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.security.AccessPolicy;

/**
 * Decides who is told of one event, from the route and this service's own copy of master data: the line manager
 * and entity are today's, not those the producer saw, so a manager who has handed over an employee hears no
 * more of their cases. Every person is checked against the access policy the services apply to the API: nobody
 * is told of a case they could not open.
 */
public final class Recipients {

    private Recipients() {
    }

    /** The facts of an event that say whom it is about, read from any payload of the suite. */
    public record About(String employeeId, String lineManagerId, String entity) {

        public static About of(Map<String, ?> payload) {
            return new About(text(payload.get("employeeId")), text(payload.get("lineManagerId")), text(payload.get("entity")));
        }

        private static String text(Object value) {
            return value == null || value.toString().isBlank() ? null : value.toString();
        }
    }

    public static List<Recipient> of(Route route, About about, Optional<Employee> current) {
        return of(route, about, current, List.of());
    }

    /**
     * R-ACC-3: the deputies of the line manager during their delegation are told what the manager is told, in the
     * manager's audience (they hold the manager's rights over the manager's reports).
     */
    public static List<Recipient> of(Route route, About about, Optional<Employee> current, List<String> managersDeputies) {
        // today's master data wins, also when it says the employee has no line manager any more
        String lineManager = current.isPresent() ? current.get().lineManagerId() : about.lineManagerId();
        String entity = current.isPresent() ? current.get().entity() : about.entity();
        AccessPolicy.Owner owner = new AccessPolicy.Owner(about.employeeId(), lineManager);
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (Audience audience : Audience.values()) {
            if (!route.told().contains(audience)) {
                continue;
            }
            Recipient recipient = switch (audience) {
                case EMPLOYEE -> about.employeeId() == null ? null : Recipient.person(audience, about.employeeId());
                case LINE_MANAGER -> lineManager == null ? null : Recipient.person(audience, lineManager);
                case CASE_HANDLERS -> entity == null ? null : Recipient.caseHandlers(entity);
            };
            if (recipient != null && AccessPolicy.maySee(recipient.asUser(), owner)) {
                // a manager of their own case is told once, as the employee
                recipients.putIfAbsent(recipient.key(), recipient);
                if (audience == Audience.LINE_MANAGER) {
                    managersDeputies.stream().filter(deputy -> !deputy.equals(about.employeeId()))
                            .forEach(deputy -> recipients.putIfAbsent(Recipient.personKey(deputy), Recipient.person(audience, deputy)));
                }
            }
        }
        return new ArrayList<>(recipients.values());
    }
}
