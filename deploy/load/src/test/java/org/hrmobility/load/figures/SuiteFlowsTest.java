package org.hrmobility.load.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.hrmobility.load.Suite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The suite's flow as {@link SuiteFlows} sends it, against a stand-in for the gateway and the identity provider. */
class SuiteFlowsTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger offers = new AtomicInteger();
    private String thirdOfferStatus = "PLACED";
    private HttpServer server;

    private Suite standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String user = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).replaceAll(".*username=([a-z]+).*", "$1");
            answer(exchange, 200, null, "{\"access_token\":\"token-of-" + user + "\"}");
        });
        server.createContext("/api/redeployment/cases", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestHeaders().getFirst("Authorization").replace("Bearer token-of-", "") + " " + path);
            if (path.equals("/api/redeployment/cases")) {
                answer(exchange, 201, "/api/redeployment/cases/c-1", "{}");
            } else if (path.endsWith("/offers")) {
                int n = offers.incrementAndGet();
                answer(exchange, 201, path + "/o-" + n, "{\"status\":\"" + (n == 3 ? thirdOfferStatus : "IN_POOL") + "\"}");
            } else {
                answer(exchange, 200, null, "{}");
            }
        });
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return new Suite(base, base, "localhost:0", 1, 1);
    }

    private static void answer(HttpExchange exchange, int status, String location, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("R-RED-4 on the suite, as the side by side drives it: guidance by lars, the rest by hana, each refusal of the offer "
            + "just made, the third offer answered PLACED")
    void flow() throws Exception {
        FlowLoad load = new FlowLoad(HttpClient.newHttpClient());
        SuiteFlows flows = new SuiteFlows(load, standIn());

        FlowLoad.FlowRun run = load.run("suite", 100, Duration.ofMillis(10), i -> new SuiteFlows.Flow("E-1"), flows.steps());

        assertThat(run.flows().count()).isEqualTo(1);
        assertThat(requests).containsExactly("hana /api/redeployment/cases", "lars /api/redeployment/cases/c-1/guidance-trajectory",
                "hana /api/redeployment/cases/c-1/admissibility", "hana /api/redeployment/cases/c-1/offers",
                "hana /api/redeployment/cases/c-1/offers/o-1/refusal", "hana /api/redeployment/cases/c-1/offers",
                "hana /api/redeployment/cases/c-1/offers/o-2/refusal", "hana /api/redeployment/cases/c-1/offers");
    }

    @Test
    @DisplayName("On the suite, a third offer that does not place the employee fails the flow")
    void notPlaced() throws Exception {
        thirdOfferStatus = "IN_POOL";
        FlowLoad load = new FlowLoad(HttpClient.newHttpClient());
        SuiteFlows flows = new SuiteFlows(load, standIn());

        FlowLoad.FlowRun run = load.run("suite", 100, Duration.ofMillis(10), i -> new SuiteFlows.Flow("E-1"), flows.steps());

        assertThat(run.flows().errorSummary()).isEqualTo("{stopped at offer 3, ex officio=1}");
        assertThat(run.steps().errorSummary()).isEqualTo("{offer 3, ex officio: case IN_POOL=1}");
    }
}
