package org.hrmobility.contracts.employee;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grade: a level and a rank, written {@code A2}. Levels from high to low are N, A, B, C, D; within a
 * level a higher rank is higher, so A3 &gt; A2 &gt; A1 &gt; B3. Top management is written {@code N} alone
 * (rank 0) or with a rank.
 */
public record Grade(Level level, int rank) implements Comparable<Grade> {

    public enum Level {
        D, C, B, A, N
    }

    private static final Pattern TEXT = Pattern.compile("([NABCD])([0-9]{0,2})");
    private static final Comparator<Grade> ORDER =
            Comparator.comparing(Grade::level).thenComparingInt(Grade::rank);

    public Grade {
        if (level == null) {
            throw new IllegalArgumentException("a grade needs a level");
        }
        if (rank < 0 || rank > 99) {
            throw new IllegalArgumentException("a rank is 0 to 99: " + rank);
        }
    }

    public static Grade parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a grade (level N, A, B, C or D and a rank, e.g. A2): " + text);
        }
        return new Grade(Level.valueOf(m.group(1)), m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2)));
    }

    public boolean isHigherThan(Grade other) {
        return compareTo(other) > 0;
    }

    public boolean isEqualOrLowerThan(Grade other) {
        return compareTo(other) <= 0;
    }

    @Override
    public int compareTo(Grade other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return rank == 0 ? level.name() : level.name() + rank;
    }
}
