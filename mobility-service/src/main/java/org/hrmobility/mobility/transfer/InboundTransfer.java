package org.hrmobility.mobility.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.mobility.InboundTransferRecorded;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;

/**
 * R-MOB-7: inbound external mobility from local and provincial government, tenured education and inspection
 * staff and tenured staff of the parliament. The person keeps their monetary seniority and follows the shortened
 * selection procedure: both are recorded with the transfer.
 */
public record InboundTransfer(UUID id, String personName, Origin origin, int monetarySeniorityMonths, boolean shortenedSelection,
                              String entity, String grade, LocalDate startsOn) {

    public enum Origin {
        LOCAL_GOVERNMENT, PROVINCIAL_GOVERNMENT, EDUCATION, INSPECTION, PARLIAMENT
    }

    public static Decision<InboundTransfer> record(UUID id, String personName, Origin origin, int monetarySeniorityMonths,
                                                   String entity, String grade, LocalDate startsOn, Actor by, Instant now) {
        Grade.parse(grade);
        if (monetarySeniorityMonths < 0) {
            throw new IllegalArgumentException("monetary seniority is not negative");
        }
        InboundTransfer t = new InboundTransfer(id, personName, origin, monetarySeniorityMonths, true, entity, grade, startsOn);
        return new Decision<>(t, List.of(OutgoingEvent.of(MobilityEvents.INBOUND_TRANSFER_RECORDED, id.toString(),
                new InboundTransferRecorded(id.toString(), personName, origin.name(), monetarySeniorityMonths, true, entity, grade,
                        startsOn))),
                by.did(now, "inbound transfer from " + origin + " recorded: " + monetarySeniorityMonths
                        + " months of monetary seniority kept, shortened selection", null));
    }
}
