package org.hrmobility.mobility.marketplace;

import org.hrmobility.kit.access.Readers;
import org.hrmobility.kit.store.AggregateType;
import org.hrmobility.kit.store.Column;

/**
 * How the marketplace is kept: a talent offer is its employee's file, readable by everyone once published; talent
 * requests are everyone's to read. Offers are searched by skill (a GIN index on {@code skills}) and period.
 */
final class Marketplace {

    static final AggregateType<TalentOffer> OFFER = AggregateType.builder("talent-offer", "talent_offer", TalentOffer.class)
            .id(TalentOffer::id)
            .subject(TalentOffer::employeeId)
            .publicWhen("status", TalentOffer.Status.PUBLISHED.name(), TalentOffer::isPublished)
            .column(Column.name("status", TalentOffer::status))
            .column(Column.text("entity", TalentOffer::entity))
            .column(Column.textArray("skills", TalentOffer::skills))
            .column(Column.date("available_from", TalentOffer::availableFrom))
            .column(Column.date("available_to", TalentOffer::availableTo))
            .refresh((o, e) -> o.withEmployee(e.lineManagerId(), e.entity()))
            .build();

    static final AggregateType<TalentRequest> REQUEST = AggregateType.builder("talent-request", "talent_request", TalentRequest.class)
            .id(TalentRequest::id)
            .subject(TalentRequest::ownerId)
            .readers(Readers.EVERYONE)
            .column(Column.name("status", TalentRequest::status))
            .column(Column.text("entity", TalentRequest::entity))
            .column(Column.textArray("skills", TalentRequest::skills))
            .column(Column.date("needed_from", TalentRequest::neededFrom))
            .column(Column.date("needed_to", TalentRequest::neededTo))
            .refresh((r, e) -> r.withOwner(e.lineManagerId(), e.entity()))
            .build();

    private Marketplace() {
    }
}
