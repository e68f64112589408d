package org.hrmobility.local.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.devstack.Devstack;
import org.hrmobility.devstack.DevstackExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevstackExtension.class)
class MasterDataPublisherIT {

    @Test
    @DisplayName("publishing the same master data again publishes nothing; a changed employee is published alone")
    void idempotent(Devstack stack) {
        String topic = "test.employees." + UUID.randomUUID();
        EventType<EmployeeUpserted> type = EventType.of("masterdata", "EmployeeUpserted", 1, topic, EmployeeUpserted.class);
        MasterDataPublisher publisher = new MasterDataPublisher(stack.endpoints().kafkaBootstrapServers());
        List<EmployeeUpserted> employees = MasterDataFiles.demoEmployees();

        MasterDataPublisher.Result first = publisher.publishChanged(type, EmployeeUpserted::employeeId, employees);
        MasterDataPublisher.Result again = publisher.publishChanged(type, EmployeeUpserted::employeeId, employees);
        List<EmployeeUpserted> changed = new ArrayList<>(employees);
        EmployeeUpserted emma = changed.get(2);
        changed.set(2, new EmployeeUpserted(emma.employeeId(), emma.name(), emma.email(), emma.entity(), "B3",
                emma.contractType(), emma.lineManagerId(), emma.jobFamily(), emma.competences(), emma.language()));
        MasterDataPublisher.Result update = publisher.publishChanged(type, EmployeeUpserted::employeeId, changed);

        assertThat(first.published()).isEqualTo(employees.size());
        assertThat(again.published()).isZero();
        assertThat(again.unchanged()).isEqualTo(employees.size());
        assertThat(update.published()).isEqualTo(1);
        assertThat(EmployeeEvents.EMPLOYEE_UPSERTED.ceType()).isEqualTo(type.ceType());
    }
}
