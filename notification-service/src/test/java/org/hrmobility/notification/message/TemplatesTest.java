package org.hrmobility.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.hrmobility.contracts.EventExamples;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.notification.routing.Audience;
import org.hrmobility.notification.routing.Route;
import org.hrmobility.notification.routing.Routes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;

class TemplatesTest {

    private final Templates templates = Templates.load();

    private static Map<String, Object> example(Route route) {
        Map<String, Object> fields = new HashMap<>(EventJson.mapper().readValue(EventExamples.bytes(route.type()),
                new TypeReference<Map<String, Object>>() {
                }));
        fields.put("employeeName", "Emma Peeters");
        return fields;
    }

    @Test
    @DisplayName("Notifications: every event that concerns someone reads in Dutch and English, from the producer's example, with nothing left unfilled")
    void everyRouteRendersInBothLanguages() {
        for (Route route : Routes.all()) {
            for (String language : Templates.LANGUAGES) {
                for (Audience audience : route.told()) {
                    Message m = templates.render(route, audience, language, example(route), "https://hr.example");
                    assertThat(m.title()).as("%s %s %s", route.name(), language, audience).isNotBlank().doesNotContain("{", "}");
                    assertThat(m.expected()).as("%s %s %s", route.name(), language, audience).isNotBlank().doesNotContain("{", "}");
                    assertThat(m.link()).startsWith("https://hr.example/console/").doesNotContain("{");
                    if (route.expects(audience) && route.dueField() != null) {
                        assertThat(m.dueOn()).as("%s due", route.name()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("R-RED-5: an offer says what is expected of the employee and by when, in their language, with a link to the case")
    void offerMadeForTheEmployee() {
        Route offer = Routes.forCeType(RedeploymentEvents.OFFER_MADE.ceType()).orElseThrow();
        Map<String, Object> fields = example(offer);

        Message nl = templates.render(offer, Audience.EMPLOYEE, "nl", fields, "http://localhost:8080");
        Message en = templates.render(offer, Audience.EMPLOYEE, "en", fields, "http://localhost:8080");

        assertThat(nl.title()).isEqualTo("U krijgt een betrekking aangeboden: Policy adviser labour market, DEPT-WSE, graad B2");
        assertThat(nl.expected()).startsWith("Aanvaard of weiger dit aanbod uiterlijk op 7 december 2026.")
                .endsWith("U mag hoogstens twee aanbiedingen weigeren.");
        assertThat(en.expected()).startsWith("Accept or refuse this offer by 7 December 2026.");
        assertThat(nl.dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(nl.link()).isEqualTo("http://localhost:8080/console/cases/3f0c7a52-8f1e-4c41-9a55-2b7d8f0e6a11");
    }

    @Test
    @DisplayName("R-RED-4: the third offer tells the employee it places them ex officio and cannot be refused")
    void exOfficio() {
        Route offer = Routes.forCeType(RedeploymentEvents.OFFER_MADE.ceType()).orElseThrow();
        Map<String, Object> fields = example(offer);
        fields.put("exOfficio", true);

        assertThat(templates.render(offer, Audience.EMPLOYEE, "en", fields, "").expected())
                .contains("third offer: it places you ex officio and cannot be refused");
    }

    @Test
    @DisplayName("R-RED-4: the refusals are counted in words that agree with the number: 1 refusal, 2 refusals (ICU plural)")
    void plural() {
        Route refused = Routes.forCeType(RedeploymentEvents.OFFER_REFUSED.ceType()).orElseThrow();
        Map<String, Object> one = example(refused);
        one.put("refusals", 1);
        Map<String, Object> two = example(refused);
        two.put("refusals", 2);

        assertThat(templates.render(refused, Audience.LINE_MANAGER, "en", one, "").title()).contains("(1 refusal so far)");
        assertThat(templates.render(refused, Audience.LINE_MANAGER, "en", two, "").title()).contains("(2 refusals so far)");
        assertThat(templates.render(refused, Audience.LINE_MANAGER, "nl", one, "").title()).contains("(tot nu toe 1 weigering)");
        assertThat(templates.render(refused, Audience.LINE_MANAGER, "nl", two, "").title()).contains("(tot nu toe 2 weigeringen)");
    }

    @Test
    @DisplayName("R-COR-2: an offer withdrawn with its vacancy tells the employee it does not count as a refusal")
    void offerWithdrawn() {
        Route withdrawn = Routes.forCeType(RedeploymentEvents.OFFER_WITHDRAWN.ceType()).orElseThrow();

        assertThat(templates.render(withdrawn, Audience.EMPLOYEE, "en", example(withdrawn), "").title())
                .startsWith("Your offer was withdrawn and does not count as a refusal");
        assertThat(templates.render(withdrawn, Audience.CASE_HANDLERS, "nl", example(withdrawn), "").expected())
                .contains("telt niet als weigering");
    }

    @Test
    @DisplayName("Notifications: the line manager is told of an offer without being asked to act; an unknown language gets Dutch")
    void notExpectedAndDefaultLanguage() {
        Route offer = Routes.forCeType(RedeploymentEvents.OFFER_MADE.ceType()).orElseThrow();

        Message m = templates.render(offer, Audience.LINE_MANAGER, "fr", example(offer), "");

        assertThat(m.title()).isEqualTo("Aanbod 1 aan Emma Peeters: Policy adviser labour market, DEPT-WSE, graad B2");
        assertThat(m.expected()).isEqualTo("Er wordt niets van u verwacht.");
        assertThat(m.dueOn()).isNull();
    }
}
