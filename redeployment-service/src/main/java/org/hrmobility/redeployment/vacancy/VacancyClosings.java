package org.hrmobility.redeployment.vacancy;

import reactor.core.publisher.Mono;

/** What else happens, in the same transaction, when a vacancy is withdrawn: the cases end their open offers on it. */
public interface VacancyClosings {

    Mono<Void> closed(String vacancyId);
}
