package org.hrmobility.load.figures;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.hrmobility.load.RedeploymentFlow;
import org.hrmobility.load.Suite;

import tools.jackson.databind.json.JsonMapper;

/**
 * The same redeployment flow on the suite, through the gateway with real tokens, as the Gatling workflows drive it
 * ({@code Workloads}, the requests from {@link RedeploymentFlow}): a case opened for an employee published as master
 * data, lars's guidance, hana's admissibility, two offers refused on the employee's behalf, the third answered PLACED.
 */
final class SuiteFlows {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One flow's state: its employee and, once opened, the case and the open offer. */
    static final class Flow {
        final String employeeId;
        volatile String caseId;
        volatile String offerId;

        Flow(String employeeId) {
            this.employeeId = employeeId;
        }
    }

    private final FlowLoad load;
    private final String gateway;
    private final String hana;
    private final String lars;

    SuiteFlows(FlowLoad load, Suite suite) {
        this.load = load;
        this.gateway = suite.gateway();
        this.hana = "Bearer " + suite.token("hana");
        this.lars = "Bearer " + suite.token("lars");
    }

    /** The steps, one request each: open, guidance, admissibility, offer and refusal twice, the third offer; 8 requests. */
    List<FlowLoad.Step<Flow>> steps() {
        List<FlowLoad.Step<Flow>> steps = new ArrayList<>();
        steps.add(new FlowLoad.Step<>(PeerFlows.OPEN, flow -> load.send(post(hana, RedeploymentFlow.CASES,
                RedeploymentFlow.openCaseBody(flow.employeeId)), 201).thenAccept(r -> flow.caseId = FlowLoad.lastSegment(r))));
        steps.add(new FlowLoad.Step<>("guidance", flow -> load.send(post(lars, RedeploymentFlow.guidancePath(flow.caseId),
                RedeploymentFlow.guidanceBody()), 200)));
        steps.add(new FlowLoad.Step<>("admissibility", flow -> load.send(post(hana, RedeploymentFlow.admissibilityPath(flow.caseId),
                RedeploymentFlow.admissibilityBody()), 200)));
        for (int n = 1; n <= 2; n++) {
            RedeploymentFlow.Offer offer = RedeploymentFlow.OFFERS.get(n - 1);
            steps.add(new FlowLoad.Step<>("offer " + n, flow -> load.send(post(hana, RedeploymentFlow.offersPath(flow.caseId), offer.body()), 201)
                    .thenAccept(r -> flow.offerId = FlowLoad.lastSegment(r))));
            steps.add(new FlowLoad.Step<>("refusal " + n, flow -> load.send(post(hana, RedeploymentFlow.refusalPath(flow.caseId, flow.offerId),
                    RedeploymentFlow.refusalBody()), 200)));
        }
        steps.add(new FlowLoad.Step<>("offer 3, ex officio", flow -> load.send(post(hana, RedeploymentFlow.offersPath(flow.caseId),
                RedeploymentFlow.OFFERS.get(2).body()), 201).thenAccept(r -> {
                    String status = JSON.readTree(r.body()).path("status").asString("");
                    if (!"PLACED".equals(status)) {
                        throw new FlowLoad.StepFailed("case " + status);
                    }
                })));
        return steps;
    }

    private HttpRequest post(String authorization, String path, String body) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
