package org.hrmobility.kit.employee;

import reactor.core.publisher.Mono;

/**
 * What a service does when an employee's master data changes (a new line manager takes over their open cases),
 * in the same transaction as the copy itself.
 */
@FunctionalInterface
public interface EmployeeListener {

    Mono<Void> changed(Employee employee);
}
