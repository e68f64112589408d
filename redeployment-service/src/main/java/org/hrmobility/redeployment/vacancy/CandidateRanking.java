package org.hrmobility.redeployment.vacancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.hrmobility.kit.employee.Employee;

/**
 * R-RED-6 and R-RED-1: a vacancy is first matched against the redeployment pool. Only employees whose own grade
 * is equal to or higher than the vacancy's qualify (they may be offered an equal or lower grade); they are
 * ordered by job-family fit, then shared competences, then the longest time in the pool.
 */
public final class CandidateRanking {

    /** A pool member as the ranking sees them. */
    public record PoolMember(UUID caseId, Employee employee, Instant registeredAt) {
    }

    /** One ranked candidate, with why they rank there. */
    public record Candidate(int rank, UUID caseId, String employeeId, String name, String grade, boolean sameJobFamily,
                            List<String> sharedCompetences, long daysInPool) {
    }

    private CandidateRanking() {
    }

    public static List<Candidate> rank(Vacancy vacancy, List<PoolMember> pool, Instant now) {
        Set<String> wanted = new HashSet<>(vacancy.competences());
        Comparator<Scored> order = Comparator.comparing((Scored s) -> !s.sameFamily)
                .thenComparing(s -> -s.shared.size())
                .thenComparing(s -> s.member.registeredAt());
        List<Scored> scored = pool.stream()
                .filter(m -> m.employee().parsedGrade().compareTo(vacancy.parsedGrade()) >= 0)
                .map(m -> new Scored(m, vacancy.jobFamily() != null && vacancy.jobFamily().equals(m.employee().jobFamily()),
                        m.employee().competences().stream().filter(wanted::contains).sorted().toList()))
                .sorted(order)
                .toList();
        return IntStream.range(0, scored.size()).mapToObj(i -> {
            Scored s = scored.get(i);
            Employee e = s.member.employee();
            return new Candidate(i + 1, s.member.caseId(), e.employeeId(), e.name(), e.grade(), s.sameFamily, s.shared,
                    Duration.between(s.member.registeredAt(), now).toDays());
        }).toList();
    }

    private record Scored(PoolMember member, boolean sameFamily, List<String> shared) {
    }
}
