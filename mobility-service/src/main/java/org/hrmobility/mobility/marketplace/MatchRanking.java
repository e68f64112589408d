package org.hrmobility.mobility.marketplace;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * R-MOB-8: ranks published talent offers for a request by skill overlap, then availability (the share of time
 * offered against the share asked), then how much of the request's period they cover; each match says why.
 */
public final class MatchRanking {

    public record Match(int rank, UUID offerId, String employeeId, List<String> sharedSkills, double skillOverlap,
                        double availability, double periodOverlap, double score, String explanation) {
    }

    private MatchRanking() {
    }

    public static List<Match> rank(TalentRequest request, List<TalentOffer> offers, int limit) {
        Set<String> wanted = new HashSet<>(request.skills());
        long requestDays = days(request.neededFrom(), request.neededTo());
        List<Match> scored = offers.stream()
                .map(o -> score(request, wanted, requestDays, o))
                .filter(m -> m.skillOverlap() > 0 && m.periodOverlap() > 0)
                .sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.offerId().toString()))
                .limit(limit)
                .toList();
        return IntStream.range(0, scored.size()).mapToObj(i -> {
            Match m = scored.get(i);
            return new Match(i + 1, m.offerId(), m.employeeId(), m.sharedSkills(), m.skillOverlap(), m.availability(),
                    m.periodOverlap(), m.score(), m.explanation());
        }).toList();
    }

    private static Match score(TalentRequest request, Set<String> wanted, long requestDays, TalentOffer offer) {
        List<String> shared = offer.skills().stream().filter(wanted::contains).toList();
        double skillOverlap = wanted.isEmpty() ? 0 : (double) shared.size() / wanted.size();
        double availability = Math.min(1.0, (double) offer.sharePercent() / request.sharePercent());
        LocalDate from = request.neededFrom().isAfter(offer.availableFrom()) ? request.neededFrom() : offer.availableFrom();
        LocalDate to = request.neededTo().isBefore(offer.availableTo()) ? request.neededTo() : offer.availableTo();
        double periodOverlap = to.isBefore(from) ? 0 : (double) days(from, to) / requestDays;
        double score = round(0.6 * skillOverlap + 0.25 * availability + 0.15 * periodOverlap);
        String explanation = String.format("%d of %d skills (%s); %d %% of time offered for %d %% asked; covers %d %% of the period",
                shared.size(), wanted.size(), String.join(", ", shared), offer.sharePercent(), request.sharePercent(),
                Math.round(periodOverlap * 100));
        return new Match(0, offer.id(), offer.employeeId(), shared, round(skillOverlap), round(availability), round(periodOverlap),
                score, explanation);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
