package org.hrmobility.contracts.employee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeTest {

    @ParameterizedTest(name = "{0} > {1}")
    @CsvSource({"N,A3", "A3,A2", "A1,B3", "B1,C2", "C1,D5", "D2,D1"})
    @DisplayName("grades order by level N > A > B > C > D, then by rank")
    void order(String higher, String lower) {
        assertThat(Grade.parse(higher).isHigherThan(Grade.parse(lower))).isTrue();
        assertThat(Grade.parse(lower).isEqualOrLowerThan(Grade.parse(higher))).isTrue();
        assertThat(Grade.parse(higher).isEqualOrLowerThan(Grade.parse(lower))).isFalse();
    }

    @Test
    @DisplayName("an equal grade is equal or lower, never higher")
    void equal() {
        assertThat(Grade.parse("b2").isEqualOrLowerThan(Grade.parse("B2"))).isTrue();
        assertThat(Grade.parse("B2").isHigherThan(Grade.parse("B2"))).isFalse();
        assertThat(Grade.parse("A2")).hasToString("A2");
        assertThat(Grade.parse("N")).hasToString("N");
    }

    @Test
    @DisplayName("text that is not a grade is refused with what a grade looks like")
    void malformed() {
        assertThatThrownBy(() -> Grade.parse("E1")).hasMessageContaining("e.g. A2");
        assertThat(Grade.parse("A")).isEqualTo(new Grade(Grade.Level.A, 0));
        assertThatThrownBy(() -> Grade.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
