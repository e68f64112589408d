package org.hrmobility.redeployment.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.domain.Assignment;
import org.hrmobility.redeployment.offer.Offer;

/** What the API answers about cases: built from the case, never the stored document itself. */
final class CaseViews {

    private CaseViews() {
    }

    record CaseView(UUID id, EmployeeSnapshot employee, CaseStatus status, Instant openedAt, String openedBy,
                    Guidance guidance, Admissibility admissibility, int refusals, List<OfferView> offers, Placement placement,
                    String assignedTo) {

        static CaseView of(RedeploymentCase c) {
            return new CaseView(c.id(), c.employee(), c.status(), c.openedAt(), c.openedBy().subject(), c.guidance(),
                    c.admissibility(), c.refusals(), c.offers().stream().map(OfferView::of).toList(), c.placement(),
                    Assignment.handlerOf(c.assignment()));
        }
    }

    record OfferView(UUID id, int number, String title, String entity, String grade, String vacancyId, Instant madeAt,
                     LocalDate respondBy, String status, String reason, String withdrawal) {

        static OfferView of(Offer o) {
            return new OfferView(o.id(), o.number(), o.position().title(), o.position().entity(), o.position().grade(),
                    o.position().vacancyId(), o.madeAt(), o.respondBy(), o.status().name(), o.reason(),
                    o.withdrawal() == null ? null : o.withdrawal().name());
        }
    }

    record CaseSummary(UUID id, String employeeId, String employeeName, String entity, CaseStatus status, Instant openedAt,
                       int refusals, LocalDate nextDeadline, String assignedTo) {

        static CaseSummary of(RedeploymentCase c) {
            return new CaseSummary(c.id(), c.employee().employeeId(), c.employee().name(), c.employee().entity(), c.status(),
                    c.openedAt(), c.refusals(), c.openOffer().map(o -> o.respondBy()).orElse(null), Assignment.handlerOf(c.assignment()));
        }
    }
}
