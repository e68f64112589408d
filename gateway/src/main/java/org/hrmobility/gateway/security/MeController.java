package org.hrmobility.gateway.security;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/me}: who the token says the caller is, as every service will read it. */
@RestController
class MeController {

    record Me(String subject, String employeeId, String name, List<String> roles, String entity) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Me(jwt.getSubject(), jwt.getClaimAsString("employee_id"), jwt.getClaimAsString("name"),
                roles == null ? List.of() : roles, jwt.getClaimAsString("entity"));
    }
}
