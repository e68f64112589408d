package org.hrmobility.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.contracts.envelope.KafkaCloudEvents;

/**
 * Employees for one load run, published as master data the way the HR master-data system does: each workflow
 * needs an employee with no case yet. They report to lars (E-0002) in DEPT-WSE, so lars and hana act for them.
 */
public final class SyntheticEmployees {

    private SyntheticEmployees() {
    }

    public static List<String> publish(Suite suite, int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = "L-" + run + "-" + i;
                EmployeeUpserted employee = new EmployeeUpserted(id, "Load " + i, id.toLowerCase() + "@example.org", "DEPT-WSE", "B2",
                        ContractType.STATUTORY, "E-0002", "policy-advice", List.of("data-analysis"), "nl");
                producer.send(KafkaCloudEvents.record(Topics.EMPLOYEES, id, new EventMetadata(UUID.randomUUID(), "/hrm/load",
                        EmployeeEvents.EMPLOYEE_UPSERTED.ceType(), id, java.time.Instant.now(), null), EventJson.write(employee)));
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }
}
