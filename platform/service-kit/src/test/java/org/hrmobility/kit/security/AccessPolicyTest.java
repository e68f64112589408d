package org.hrmobility.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.hrmobility.kit.domain.NotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final AccessPolicy.Owner EMMAS = new AccessPolicy.Owner("emma", "lars");

    private static CurrentUser user(String employeeId, Role... roles) {
        return new CurrentUser(employeeId, employeeId, employeeId, Set.of(roles), "DEPT-A");
    }

    @Test
    @DisplayName("the employee sees their own object, their line manager and every case handler too")
    void whoMaySee() {
        assertThat(AccessPolicy.maySee(user("emma", Role.EMPLOYEE), EMMAS)).isTrue();
        assertThat(AccessPolicy.maySee(user("lars", Role.LINE_MANAGER), EMMAS)).isTrue();
        assertThat(AccessPolicy.maySee(user("hana", Role.HR_CASE_HANDLER), EMMAS)).isTrue();
    }

    @Test
    @DisplayName("another employee, another manager, a manager without the role, a machine client: not visible")
    void whoMayNot() {
        assertThat(AccessPolicy.maySee(user("ezra", Role.EMPLOYEE), EMMAS)).isFalse();
        assertThat(AccessPolicy.maySee(user("other-manager", Role.LINE_MANAGER), EMMAS)).isFalse();
        assertThat(AccessPolicy.maySee(user("lars", Role.EMPLOYEE), EMMAS)).isFalse();
        assertThat(AccessPolicy.maySee(new CurrentUser("jobpunt", null, null, Set.of(Role.RECRUITMENT_SYSTEM), null),
                EMMAS)).isFalse();
        assertThat(AccessPolicy.maySee(user("bea", Role.HR_BUSINESS_PARTNER), EMMAS)).isFalse();
    }

    @Test
    @DisplayName("only the line manager and case handlers act on an employee's behalf, not the employee's peers")
    void whoMayAct() {
        assertThat(AccessPolicy.mayActFor(user("lars", Role.LINE_MANAGER), EMMAS)).isTrue();
        assertThat(AccessPolicy.mayActFor(user("hana", Role.HR_CASE_HANDLER), EMMAS)).isTrue();
        assertThat(AccessPolicy.mayActFor(user("emma", Role.EMPLOYEE), EMMAS)).isFalse();
        assertThat(AccessPolicy.mayActFor(user("other-manager", Role.LINE_MANAGER), EMMAS)).isFalse();
    }

    @Test
    @DisplayName("a denied object answers as not found, so ids cannot be probed")
    void deniedIsNotFound() {
        assertThatThrownBy(() -> AccessPolicy.requireVisible(user("ezra", Role.EMPLOYEE), EMMAS, "case", 42))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No case 42 that you may see.");
    }

    @Test
    @DisplayName("unknown roles in a token grant nothing")
    void unknownRoles() {
        assertThat(CurrentUser.roles(List.of("EMPLOYEE", "SUPERUSER"))).containsExactly(Role.EMPLOYEE);
    }
}
