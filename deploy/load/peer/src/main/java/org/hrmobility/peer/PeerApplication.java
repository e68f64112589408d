package org.hrmobility.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The peer: Operaton (the open-source Camunda 7 fork) with the redeployment process ({@code bpmn/redeployment.bpmn},
 * deployed at start) and the engine's standard REST API under {@code /engine-rest}, on PostgreSQL. Nothing else: the
 * flow is driven through that API, as a Camunda 7 task list or a client service would.
 * <p>
 * {@code java -jar deploy/load/peer/target/hrm-peer-operaton.jar --server.port=8090
 * --spring.datasource.url=jdbc:postgresql://localhost:15432/peer}
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
