package org.hrmobility.console.api;

import java.io.Serializable;
import java.util.List;

/** Who is signed in, as the gateway reads the token ({@code /api/me}); kept in the session. */
public record Me(String subject, String employeeId, String name, List<String> roles, String entity) implements Serializable {

    public Me {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isCaseHandler() {
        return has("HR_CASE_HANDLER");
    }

    public boolean isLineManager() {
        return has("LINE_MANAGER");
    }

    public boolean isBusinessPartner() {
        return has("HR_BUSINESS_PARTNER");
    }

    /** HR sees figures: business partners of their entity, case handlers of any. */
    public boolean seesFigures() {
        return isCaseHandler() || isBusinessPartner();
    }

    /** Case handlers and line managers look for cases and files of others; employees see their own. */
    public boolean searchesOthers() {
        return isCaseHandler() || isLineManager();
    }

    public boolean isPerson() {
        return employeeId != null;
    }

    public boolean is(String otherEmployeeId) {
        return employeeId != null && employeeId.equals(otherEmployeeId);
    }
}
