package org.hrmobility.redeployment.vacancy;

import reactor.core.publisher.Flux;

/** The redeployment pool as the ranking of a vacancy needs it: each member with today's master data. */
public interface Pool {

    Flux<CandidateRanking.PoolMember> members();
}
