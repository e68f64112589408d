package org.hrmobility.redeployment.casefile;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The validated bodies of the case commands. */
final class CaseRequests {

    static final String GRADE = "[NABCD][0-9]{0,2}";

    private CaseRequests() {
    }

    record OpenCase(@NotBlank @Size(max = 64) String employeeId) {
    }

    /** {@code reason}: required when HR records it on the line manager's behalf (R-ACC-2). */
    record RecordGuidance(@NotNull LocalDate from, @NotNull LocalDate to,
                          @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> actions, @Size(max = 2000) String reason) {

        @AssertTrue(message = "the trajectory cannot end before it starts")
        boolean isPeriodValid() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    record DecideAdmissibility(@NotNull Boolean redeployable, @NotBlank @Size(max = 2000) String motivation) {
    }

    /** Either a vacancy of a recruitment system, or a position described inline. */
    record MakeOffer(@Size(max = 100) String vacancyId, @Size(max = 200) String title, @Size(max = 64) String entity,
                     @Pattern(regexp = GRADE) String grade, @Size(max = 100) String jobFamily) {

        @AssertTrue(message = "give a vacancyId, or a title, entity and grade")
        boolean isPositionGiven() {
            boolean inline = notBlank(title) && notBlank(entity) && notBlank(grade);
            return notBlank(vacancyId) != inline;
        }

        /** The vacancy the offer is for; a blank one, sent beside an inline position, is none. */
        String vacancy() {
            return notBlank(vacancyId) ? vacancyId : null;
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    record Acceptance(@Size(max = 2000) String reason) {
    }

    record Refusal(@NotBlank @Size(max = 2000) String reason) {
    }

    record Closure(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A correction (R-COR-1) always says why. */
    /** {@code reason}: required when the case passes from one case handler to another. */
    record Assign(@NotBlank @Size(max = 64) String handlerId, @Size(max = 2000) String reason) {
    }

    record Correction(@NotBlank @Size(max = 2000) String reason) {
    }
}
