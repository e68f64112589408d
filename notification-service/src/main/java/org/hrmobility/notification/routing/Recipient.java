package org.hrmobility.notification.routing;

import java.util.Set;

import org.hrmobility.kit.security.CurrentUser;
import org.hrmobility.kit.security.Role;

/**
 * Someone a notification is for, by a stable key: a person ({@code person:E-0003}), the case handlers of an
 * entity as one shared inbox ({@code team:DEPT-WSE}) or a machine client ({@code client:jobpunt}).
 */
public record Recipient(String key, Audience audience, String employeeId, String entity) {

    public static Recipient person(Audience audience, String employeeId) {
        return new Recipient(personKey(employeeId), audience, employeeId, null);
    }

    public static Recipient caseHandlers(String entity) {
        return new Recipient(teamKey(entity), Audience.CASE_HANDLERS, null, entity);
    }

    public static String personKey(String employeeId) {
        return "person:" + employeeId;
    }

    public static String teamKey(String entity) {
        return "team:" + entity;
    }

    public static String clientKey(String subject) {
        return "client:" + subject;
    }

    public boolean isPerson() {
        return employeeId != null;
    }

    /** The recipient as the user the access policy judges: what they could see if they asked the API. */
    CurrentUser asUser() {
        return switch (audience) {
            case EMPLOYEE -> new CurrentUser(employeeId, employeeId, null, Set.of(Role.EMPLOYEE), null);
            case LINE_MANAGER -> new CurrentUser(employeeId, employeeId, null, Set.of(Role.LINE_MANAGER), null);
            case CASE_HANDLERS -> new CurrentUser(key, null, null, Set.of(Role.HR_CASE_HANDLER), entity);
        };
    }
}
