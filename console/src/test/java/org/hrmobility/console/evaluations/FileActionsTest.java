package org.hrmobility.console.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hrmobility.console.api.Me;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FileActionsTest {

    static final Me HANA = new Me("hana", "E-0001", "Hana", List.of("HR_CASE_HANDLER"), "DEPT-WSE");
    static final Me LARS = new Me("lars", "E-0002", "Lars", List.of("LINE_MANAGER"), "DEPT-WSE");

    @Test
    @DisplayName("R-EVA-3/R-EVA-4/R-EVA-2: the line manager records evaluations and guidance while evaluations go on; HR decides a pending proposal; none on one's own file")
    void actions() {
        FileActions open = FileActions.of(LARS, "E-0004", "FOLLOW_UP_OPEN");
        assertThat(open.record()).isTrue();
        assertThat(open.guidance()).isTrue();
        assertThat(open.decide()).isFalse();
        assertThat(FileActions.of(LARS, "E-0004", "DISMISSAL_MANDATED").record()).as("R-EVA-4: no evaluations after a mandate").isFalse();
        assertThat(FileActions.of(LARS, "E-0004", "DISMISSAL_PROPOSED").record()).as("R-EVA-2: HR decides first").isFalse();
        assertThat(FileActions.of(HANA, "E-0004", "DISMISSAL_PROPOSED").decide()).isTrue();
        assertThat(FileActions.of(HANA, "E-0004", "NONE").onBehalf()).isTrue();
        assertThat(FileActions.of(LARS, "E-0002", "NONE").any()).as("R-ACC-2").isFalse();
    }
}
