package org.hrmobility.kit.privacy;

import java.util.Map;

import org.hrmobility.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET <hrm.privacy.path>/subject-access/{employeeId}}: this service's part of a data subject's export (R-PRV-1),
 * for HR only; the gateway's {@code /api/privacy/subject-access/{employeeId}} puts every service's part together.
 */
@RestController
class SubjectAccessController {

    private final SubjectAccess access;

    SubjectAccessController(SubjectAccess access) {
        this.access = access;
    }

    @GetMapping("${hrm.privacy.path}/subject-access/{employeeId}")
    Mono<Map<String, Object>> export(@PathVariable String employeeId, CurrentUser user) {
        return access.export(employeeId, user);
    }
}
