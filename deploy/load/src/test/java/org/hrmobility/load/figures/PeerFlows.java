package org.hrmobility.load.figures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hrmobility.load.RedeploymentFlow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The redeployment flow on the peer (deploy/load/peer: Operaton), through its standard REST API as a task list or a
 * client service drives it: the process started with the employee as business key; then for each step the flow's
 * open task fetched by process instance and completed with the step's variables. The third offer is completed with
 * its variables in return, and the flow must have ended PLACED_EX_OFFICIO. As in the suite, lars records the
 * guidance and hana does the rest (refusals on the employee's behalf); each request authenticates (HTTP Basic).
 */
final class PeerFlows {

    static final String OPEN = "open";
    static final String PROCESS_KEY = "redeployment";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One flow's state: its employee (the business key) and, once started, its process instance. */
    static final class Flow {
        final String employeeId;
        volatile String processInstanceId;

        Flow(String employeeId) {
            this.employeeId = employeeId;
        }
    }

    private final FlowLoad load;
    private final String engineRest;
    private final String hana = basic("hana");
    private final String lars = basic("lars");

    PeerFlows(FlowLoad load, String baseUrl) {
        this.load = load;
        this.engineRest = baseUrl + "/engine-rest";
    }

    /** The steps: start, guidance, admissibility, offer and refusal twice, the third offer; 15 requests in all. */
    List<FlowLoad.Step<Flow>> steps() {
        List<FlowLoad.Step<Flow>> steps = new ArrayList<>();
        steps.add(new FlowLoad.Step<>(OPEN, this::start));
        steps.add(task("guidance", lars, "recordGuidance", Map.of("guidanceFrom", RedeploymentFlow.GUIDANCE_FROM,
                "guidanceTo", RedeploymentFlow.GUIDANCE_TO, "guidanceActions", RedeploymentFlow.GUIDANCE_ACTION)));
        steps.add(task("admissibility", hana, "decideAdmissibility", Map.of("redeployable", true,
                "motivation", RedeploymentFlow.ADMISSIBILITY_MOTIVATION)));
        for (int n = 1; n <= 2; n++) {
            steps.add(task("offer " + n, hana, "makeOffer", offer(RedeploymentFlow.OFFERS.get(n - 1))));
            steps.add(task("refusal " + n, hana, "answerOffer", Map.of("accepted", false, "answerReason", RedeploymentFlow.REFUSAL_REASON)));
        }
        steps.add(new FlowLoad.Step<>("offer 3, ex officio", flow -> completeNext(flow, hana, "makeOffer",
                offer(RedeploymentFlow.OFFERS.get(2)), true).thenAccept(variables -> {
                    JsonNode outcome = variables.path("outcome").path("value");
                    if (!"PLACED_EX_OFFICIO".equals(outcome.asString(""))) {
                        throw new FlowLoad.StepFailed("ended " + outcome);
                    }
                })));
        return steps;
    }

    /** Readiness: the process is deployed and hana may use the API. */
    HttpRequest readiness() {
        return get(hana, "/process-definition/key/" + PROCESS_KEY);
    }

    private CompletableFuture<?> start(Flow flow) {
        Map<String, Object> body = Map.of("businessKey", flow.employeeId, "variables", variables(Map.of("employeeId", flow.employeeId,
                "lineManagerId", "lars", "entity", RedeploymentFlow.ENTITY, "grade", "B2")));
        return load.send(post(hana, "/process-definition/key/" + PROCESS_KEY + "/start", body), 200)
                .thenAccept(response -> flow.processInstanceId = JSON.readTree(response.body()).path("id").asString());
    }

    private FlowLoad.Step<Flow> task(String name, String user, String taskKey, Map<String, Object> values) {
        return new FlowLoad.Step<>(name, flow -> completeNext(flow, user, taskKey, values, false));
    }

    /** GET the flow's open task (it must be the one named), then complete it; the variables in return when asked for. */
    private CompletableFuture<JsonNode> completeNext(Flow flow, String user, String taskKey, Map<String, Object> values, boolean inReturn) {
        return load.send(get(user, "/task?processInstanceId=" + flow.processInstanceId), 200).thenCompose(response -> {
            JsonNode open = JSON.readTree(response.body());
            if (open.size() != 1 || !taskKey.equals(open.get(0).path("taskDefinitionKey").asString(""))) {
                throw new FlowLoad.StepFailed("expected task " + taskKey + ", found " + open.size());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("variables", variables(values));
            if (inReturn) {
                body.put("withVariablesInReturn", true);
            }
            return load.send(post(user, "/task/" + open.get(0).path("id").asString() + "/complete", body), inReturn ? 200 : 204);
        }).thenApply(response -> response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }

    private static Map<String, Object> offer(RedeploymentFlow.Offer offer) {
        return Map.of("offerTitle", offer.title(), "offerEntity", RedeploymentFlow.ENTITY, "offerGrade", offer.grade());
    }

    /** Operaton's variable map: each value with its type. */
    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
        return typed;
    }

    private HttpRequest get(String authorization, String path) {
        return HttpRequest.newBuilder(URI.create(engineRest + path)).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
    }

    private HttpRequest post(String authorization, String path, Object body) {
        return HttpRequest.newBuilder(URI.create(engineRest + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    /** The peer's demo users have their id as password, as in the suite's development identity provider. */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
