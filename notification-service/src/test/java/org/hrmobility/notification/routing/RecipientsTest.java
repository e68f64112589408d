package org.hrmobility.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.evaluation.EvaluationEvents;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.kit.employee.Employee;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecipientsTest {

    private static final Map<String, String> ABOUT_EMMA = Map.of("employeeId", "E-3", "lineManagerId", "E-2", "entity", "DEPT-WSE");

    private static Route route(String ceType) {
        return Routes.forCeType(ceType).orElseThrow();
    }

    private static Employee emma(String lineManager, String entity) {
        return new Employee("E-3", "Emma", "emma@example.org", entity, "B2", ContractType.STATUTORY, lineManager, null, List.of(), "nl");
    }

    private static List<String> keys(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::key).toList();
    }

    @Test
    @DisplayName("Every route is of an event type of the catalog, on a topic of decisions")
    void routesAreOfKnownDecisions() {
        assertThat(Routes.all()).allSatisfy(route -> {
            assertThat(EventCatalog.byCeType(route.type().ceType())).contains(route.type());
            assertThat(route.type().topic()).isIn(Topics.REDEPLOYMENT_EVENTS, Topics.MOBILITY_EVENTS, Topics.EVALUATION_EVENTS);
        });
    }

    @Test
    @DisplayName("R-RED-4/5: an offer tells the employee and their line manager, and expects the employee's answer by the deadline")
    void offerMade() {
        Route offer = route(RedeploymentEvents.OFFER_MADE.ceType());

        List<Recipient> recipients = Recipients.of(offer, Recipients.About.of(ABOUT_EMMA), Optional.of(emma("E-2", "DEPT-WSE")));

        assertThat(keys(recipients)).containsExactly("person:E-3", "person:E-2");
        assertThat(offer.expectedOf()).containsExactly(Audience.EMPLOYEE);
        assertThat(offer.dueField()).isEqualTo("respondBy");
    }

    @Test
    @DisplayName("Notifications: the line manager told is today's in master data, not the one the producer saw")
    void previousManagerIsNotTold() {
        Route refused = route(RedeploymentEvents.OFFER_REFUSED.ceType());

        List<Recipient> recipients = Recipients.of(refused, Recipients.About.of(ABOUT_EMMA), Optional.of(emma("E-9", "DEPT-FIN")));

        assertThat(keys(recipients)).containsExactly("person:E-9", "team:DEPT-FIN");
    }

    @Test
    @DisplayName("Notifications: when master data says the employee has no line manager any more, the producer's is not told")
    void noManagerAnyMore() {
        List<Recipient> recipients = Recipients.of(route(RedeploymentEvents.OFFER_REFUSED.ceType()), Recipients.About.of(ABOUT_EMMA),
                Optional.of(emma(null, "DEPT-WSE")));

        assertThat(keys(recipients)).containsExactly("team:DEPT-WSE");
    }

    @Test
    @DisplayName("Notifications: without master data yet, the producer's line manager and entity are used")
    void withoutMasterData() {
        List<Recipient> recipients = Recipients.of(route(RedeploymentEvents.OFFER_REFUSED.ceType()),
                Recipients.About.of(ABOUT_EMMA), Optional.empty());

        assertThat(keys(recipients)).containsExactly("person:E-2", "team:DEPT-WSE");
    }

    @Test
    @DisplayName("R-EVA-4: a mandated dismissal reaches the case handlers of the employee's entity and the line manager, not the employee")
    void dismissalMandated() {
        Route mandated = route(EvaluationEvents.DISMISSAL_MANDATED.ceType());

        List<Recipient> recipients = Recipients.of(mandated, Recipients.About.of(ABOUT_EMMA), Optional.of(emma("E-2", "DEPT-WSE")));

        assertThat(keys(recipients)).containsExactly("person:E-2", "team:DEPT-WSE");
        assertThat(mandated.expects(Audience.CASE_HANDLERS)).isTrue();
    }

    @Test
    @DisplayName("Notifications: nobody but the employee, their manager and HR is ever told of an employee's case")
    void onlyThoseWhoMaySee() {
        for (Route route : Routes.all()) {
            List<Recipient> recipients = Recipients.of(route, Recipients.About.of(ABOUT_EMMA), Optional.of(emma("E-2", "DEPT-WSE")));
            assertThat(keys(recipients)).as(route.name()).isSubsetOf("person:E-3", "person:E-2", "team:DEPT-WSE");
        }
    }

    @Test
    @DisplayName("Notifications: an employee who is their own line manager is told once")
    void toldOnce() {
        List<Recipient> recipients = Recipients.of(route(RedeploymentEvents.OFFER_MADE.ceType()),
                Recipients.About.of(Map.of("employeeId", "E-3", "entity", "DEPT-WSE")), Optional.of(emma("E-3", "DEPT-WSE")));

        assertThat(keys(recipients)).containsExactly("person:E-3");
    }
}
