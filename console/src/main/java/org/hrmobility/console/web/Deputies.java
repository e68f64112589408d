package org.hrmobility.console.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.api.Me;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The line managers the person stands in for today (R-ACC-3), from the workbench's delegations; none while the
 * workbench is not there.
 */
@Component
public class Deputies {

    private final Api api;

    Deputies(Api api) {
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    public Mono<Set<String>> managersOf(Me me, LocalDate today) {
        if (!me.isPerson()) {
            return Mono.just(Set.of());
        }
        return api.get("/api/workbench/deputies")
                .map(page -> ((List<Map<String, Object>>) page.getOrDefault("items", List.of())).stream()
                        .filter(d -> me.is((String) d.get("deputyId")))
                        .filter(d -> d.get("revokedAt") == null && !"REVOKED".equals(d.get("status")))
                        .filter(d -> within(today, d.get("from"), d.get("to")))
                        .map(d -> (String) d.get("managerId"))
                        .collect(Collectors.toUnmodifiableSet()))
                .onErrorResume(ApiProblem.class, e -> Mono.just(Set.of()));
    }

    private static boolean within(LocalDate day, Object from, Object to) {
        return (from == null || !LocalDate.parse(from.toString()).isAfter(day)) && (to == null || !LocalDate.parse(to.toString()).isBefore(day));
    }
}
