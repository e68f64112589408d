package org.hrmobility.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The peer as the load driver (deploy/load, {@code PeerFlow}) uses it: the standard REST API, HTTP Basic as hana and
 * lars, on an in-memory database instead of PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:peer-rest;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa", "spring.datasource.password=",
        "operaton.bpm.job-execution.enabled=false"})
class PeerRestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("R-RED-4 through the REST API: start with the employee as business key, each task fetched by process instance and "
            + "completed with its variables; the third offer ends the process PLACED_EX_OFFICIO")
    void flowThroughTheRestApi() throws Exception {
        JsonNode started = call("hana", "POST", "/process-definition/key/redeployment/start", Map.of("businessKey", "E-5001",
                "variables", variables("employeeId", "E-5001", "lineManagerId", "lars", "entity", "DEPT-WSE", "grade", "B2")), 200);
        String instance = started.get("id").asText();
        assertThat(started.get("businessKey").asText()).isEqualTo("E-5001");

        completeNext("lars", instance, "recordGuidance", variables("guidanceFrom", "2026-03-01", "guidanceTo", "2026-09-30",
                "guidanceActions", "coaching"), false);
        completeNext("hana", instance, "decideAdmissibility", variables("redeployable", true, "motivation", "load"), false);
        for (String grade : new String[] {"B2", "B1"}) {
            completeNext("hana", instance, "makeOffer", variables("offerTitle", "Adviser", "offerEntity", "DEPT-WSE", "offerGrade", grade), false);
            completeNext("hana", instance, "answerOffer", variables("accepted", false, "answerReason", "declined by phone"), false);
        }
        JsonNode last = completeNext("hana", instance, "makeOffer",
                variables("offerTitle", "Analyst", "offerEntity", "DEPT-WSE", "offerGrade", "B1"), true);

        assertThat(last.get("outcome").get("value").asText()).isEqualTo("PLACED_EX_OFFICIO");
        assertThat(call("hana", "GET", "/task?processInstanceId=" + instance, null, 200)).isEmpty();
        assertThat(call("hana", "GET", "/history/process-instance/" + instance, null, 200).get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    @DisplayName("The peer's REST API answers 401 without credentials and with a wrong password, as the suite does without a valid token")
    void authenticated() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base() + "/task")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base() + "/task"))
                .header("Authorization", basic("hana", "nope")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    private JsonNode completeNext(String user, String instance, String taskKey, Map<String, Object> variables, boolean withVariables)
            throws Exception {
        JsonNode open = call(user, "GET", "/task?processInstanceId=" + instance, null, 200);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("taskDefinitionKey").asText()).isEqualTo(taskKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", variables);
        if (withVariables) {
            body.put("withVariablesInReturn", true);
        }
        return call(user, "POST", "/task/" + open.get(0).get("id").asText() + "/complete", body, withVariables ? 200 : 204);
    }

    private JsonNode call(String user, String method, String path, Object body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user, user))
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Operaton's variable map: each value with its type (String or Boolean here). */
    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            variables.put((String) namesAndValues[i], Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String"));
        }
        return variables;
    }

    private String base() {
        return "http://localhost:" + port + "/engine-rest";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
