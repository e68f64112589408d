package org.hrmobility.contracts.mobility;

import java.util.List;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;

/** The decisions of the mobility service, on {@code hrm.mobility.events}, keyed by the id of what they are about. */
public final class MobilityEvents {

    public static final String CONTEXT = "mobility";

    public static final EventType<CallOpened> CALL_OPENED =
            type("CallOpened", CallOpened.class);
    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED =
            type("ApplicationSubmitted", ApplicationSubmitted.class);
    public static final EventType<ApplicationAgreedByLineManager> APPLICATION_AGREED_BY_LINE_MANAGER =
            type("ApplicationAgreedByLineManager", ApplicationAgreedByLineManager.class);
    public static final EventType<ApplicationApproved> APPLICATION_APPROVED =
            type("ApplicationApproved", ApplicationApproved.class);
    public static final EventType<ApplicationRefused> APPLICATION_REFUSED =
            type("ApplicationRefused", ApplicationRefused.class);
    public static final EventType<ApplicationWithdrawn> APPLICATION_WITHDRAWN =
            type("ApplicationWithdrawn", ApplicationWithdrawn.class);
    public static final EventType<SecondmentRequested> SECONDMENT_REQUESTED =
            type("SecondmentRequested", SecondmentRequested.class);
    public static final EventType<SecondmentAgreedByLineManager> SECONDMENT_AGREED_BY_LINE_MANAGER =
            type("SecondmentAgreedByLineManager", SecondmentAgreedByLineManager.class);
    public static final EventType<SecondmentActivated> SECONDMENT_ACTIVATED =
            type("SecondmentActivated", SecondmentActivated.class);
    public static final EventType<SecondmentRefused> SECONDMENT_REFUSED =
            type("SecondmentRefused", SecondmentRefused.class);
    public static final EventType<SecondmentEnded> SECONDMENT_ENDED =
            type("SecondmentEnded", SecondmentEnded.class);
    public static final EventType<InboundTransferRecorded> INBOUND_TRANSFER_RECORDED =
            type("InboundTransferRecorded", InboundTransferRecorded.class);
    public static final EventType<TalentOfferPublished> TALENT_OFFER_PUBLISHED =
            type("TalentOfferPublished", TalentOfferPublished.class);
    public static final EventType<TalentRequestPublished> TALENT_REQUEST_PUBLISHED =
            type("TalentRequestPublished", TalentRequestPublished.class);
    public static final EventType<AssignmentMade> ASSIGNMENT_MADE =
            type("AssignmentMade", AssignmentMade.class);
    public static final EventType<AssignmentCancelled> ASSIGNMENT_CANCELLED =
            type("AssignmentCancelled", AssignmentCancelled.class);
    public static final EventType<AllowanceGranted> ALLOWANCE_GRANTED =
            type("AllowanceGranted", AllowanceGranted.class);
    public static final EventType<AllowanceExtended> ALLOWANCE_EXTENDED =
            type("AllowanceExtended", AllowanceExtended.class);
    public static final EventType<AllowanceEndingSoon> ALLOWANCE_ENDING_SOON =
            type("AllowanceEndingSoon", AllowanceEndingSoon.class);

    public static final EventType<CallClosed> CALL_CLOSED =
            type("CallClosed", CallClosed.class);
    public static final EventType<SecondmentApproved> SECONDMENT_APPROVED =
            type("SecondmentApproved", SecondmentApproved.class);
    public static final EventType<SecondmentWithdrawn> SECONDMENT_WITHDRAWN =
            type("SecondmentWithdrawn", SecondmentWithdrawn.class);
    public static final EventType<AllowanceEnded> ALLOWANCE_ENDED =
            type("AllowanceEnded", AllowanceEnded.class);
    public static final EventType<TalentOfferWithdrawn> TALENT_OFFER_WITHDRAWN =
            type("TalentOfferWithdrawn", TalentOfferWithdrawn.class);
    public static final EventType<TalentRequestWithdrawn> TALENT_REQUEST_WITHDRAWN =
            type("TalentRequestWithdrawn", TalentRequestWithdrawn.class);

    public static final EventType<TalentOfferProposed> TALENT_OFFER_PROPOSED =
            type("TalentOfferProposed", TalentOfferProposed.class);
    public static final EventType<TalentOfferDeclined> TALENT_OFFER_DECLINED =
            type("TalentOfferDeclined", TalentOfferDeclined.class);

    public static final List<EventType<?>> ALL = List.of(
            CALL_OPENED, APPLICATION_SUBMITTED, APPLICATION_AGREED_BY_LINE_MANAGER, APPLICATION_APPROVED,
            APPLICATION_REFUSED, APPLICATION_WITHDRAWN, SECONDMENT_REQUESTED, SECONDMENT_AGREED_BY_LINE_MANAGER,
            SECONDMENT_ACTIVATED, SECONDMENT_REFUSED, SECONDMENT_ENDED, INBOUND_TRANSFER_RECORDED,
            TALENT_OFFER_PUBLISHED, TALENT_REQUEST_PUBLISHED, ASSIGNMENT_MADE, ALLOWANCE_GRANTED, ALLOWANCE_EXTENDED,
            ALLOWANCE_ENDING_SOON, CALL_CLOSED, SECONDMENT_APPROVED, SECONDMENT_WITHDRAWN, ALLOWANCE_ENDED, TALENT_OFFER_WITHDRAWN,
            TALENT_REQUEST_WITHDRAWN, TALENT_OFFER_PROPOSED, TALENT_OFFER_DECLINED, ASSIGNMENT_CANCELLED);

    private MobilityEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> payload) {
        return EventType.of(CONTEXT, name, 1, Topics.MOBILITY_EVENTS, payload);
    }
}
