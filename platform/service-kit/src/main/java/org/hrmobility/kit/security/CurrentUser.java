package org.hrmobility.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls, as the token says: subject, employee id (absent for machine clients), name, roles and entity.
 * Controllers take it as a parameter.
 */
public record CurrentUser(String subject, String employeeId, String name, Set<Role> roles, String entity) {

    public static final String EMPLOYEE_ID = "employee_id";
    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String ENTITY = "entity";

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString(EMPLOYEE_ID), jwt.getClaimAsString(NAME),
                roles(jwt.getClaimAsStringList(ROLES)), jwt.getClaimAsString(ENTITY));
    }

    /** Known roles only: an unknown role in a token grants nothing. */
    static Set<Role> roles(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when this user is that employee (machine clients are nobody's employee). */
    public boolean employeeIdIs(String otherEmployeeId) {
        return employeeId != null && employeeId.equals(otherEmployeeId);
    }

    public boolean isCaseHandler() {
        return has(Role.HR_CASE_HANDLER);
    }

    public List<String> authorities() {
        return roles.stream().map(Role::authority).sorted().toList();
    }
}
