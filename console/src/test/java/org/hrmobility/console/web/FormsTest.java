package org.hrmobility.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hrmobility.console.api.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class FormsTest {

    private static LinkedMultiValueMap<String, String> form(String... pairs) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    @DisplayName("A form becomes the API's body: blanks left out for the API to name, one action per line, yes/no as booleans, euros as cents")
    void body() {
        Map<String, Object> body = Forms.of(form("from", "2026-03-01", "to", " ", "actions", "coaching\r\ntraining\n", "redeployable", "true",
                "travel", "1500,01", "stay", "12.5", "months", "6", "odd", "x")).string("from", "to").lines("actions").bool("redeployable")
                .cents("travelCents", "travel").cents("stayCents", "stay").number("months").cents("oddCents", "odd").body();

        assertThat(body).containsEntry("from", "2026-03-01").doesNotContainKey("to")
                .containsEntry("actions", List.of("coaching", "training")).containsEntry("redeployable", true)
                .containsEntry("travelCents", 150001L).containsEntry("stayCents", 1250L).containsEntry("months", 6L)
                // what is not an amount goes as typed, so the API's validation names the field
                .containsEntry("oddCents", "x");
    }

    @Test
    @DisplayName("problem+json: the field errors next to their fields, the others (a check across fields) next to the form, with the rule")
    void problem() {
        Problem problem = Problem.of(400, Map.of("title", "Invalid request", "rule", "R-RED-3", "errors", List.of(
                Map.of("field", "grade", "message", "must match"), Map.of("field", "positionGiven", "message", "give a vacancyId"))));

        assertThat(problem.errorFor("grade")).isEqualTo("must match");
        assertThat(problem.hasErrorFor("title")).isFalse();
        assertThat(problem.otherErrors(List.of("title", "grade"))).extracting(Problem.FieldError::message).containsExactly("give a vacancyId");
        assertThat(problem.rule()).isEqualTo("R-RED-3");
        assertThat(Problem.of(502, null).status()).isEqualTo(502);
    }

    @Test
    @DisplayName("Links from the API are followed only when they are console paths (no open redirect through a notification)")
    void consoleLinks() {
        Html html = new Html();
        assertThat(html.consoleLink("http://localhost:8080/console/cases/1")).isEqualTo("/console/cases/1");
        assertThat(html.consoleLink("/console/evaluations/E-0003")).isEqualTo("/console/evaluations/E-0003");
        assertThat(html.consoleLink("https://evil.example/phish")).isNull();
        assertThat(html.consoleLink("/api/redeployment/cases/1")).isNull();
        assertThat(html.consoleLink("//evil.example/console//x")).isNull();
    }

    @Test
    @DisplayName("Amounts and dates as Belgians read them, in the page's language")
    void formats() {
        Fmt fmt = new Fmt();
        assertThat(fmt.euros(150001, java.util.Locale.forLanguageTag("nl"))).contains("1.500,01");
        assertThat(fmt.euros(150001, java.util.Locale.forLanguageTag("en"))).contains("1,500.01");
        assertThat(fmt.date("2026-12-11", java.util.Locale.forLanguageTag("nl"))).isEqualTo("11 december 2026");
        assertThat(fmt.date("2026-12-11", java.util.Locale.forLanguageTag("en"))).isEqualTo("11 December 2026");
        assertThat(fmt.dateTime("2026-11-27T10:00:00Z", java.util.Locale.forLanguageTag("nl"))).isEqualTo("27 november 2026, 11:00");
    }
}
