package org.hrmobility.kit.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.contracts.envelope.EventMetadata;
import org.hrmobility.kit.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The people of one test, in an entity of their own so tests never see each other's data: a case handler
 * (hana, an employee too), a line manager (lars) with two reports (emma B2 statutory, ezra C2 contractual), another manager, an HR
 * business partner (bea) and the recruitment client. Their master data reaches the service the real way, over
 * {@code hrm.employees}, into its employee directory.
 */
public final class TestPeople {

    public final String entity = "DEPT-" + UUID.randomUUID().toString().substring(0, 8);
    public final String hanaId = "H-" + entity;
    public final String hana = TestTokens.forEmployee(hanaId, entity, Role.HR_CASE_HANDLER, Role.EMPLOYEE);
    public final String managerId = "M-" + entity;
    public final String lars = TestTokens.forEmployee(managerId, entity, Role.LINE_MANAGER, Role.EMPLOYEE);
    public final String emmaId = "EM-" + entity;
    public final String emma = TestTokens.forEmployee(emmaId, entity, Role.EMPLOYEE);
    public final String ezraId = "EZ-" + entity;
    public final String ezra = TestTokens.forEmployee(ezraId, entity, Role.EMPLOYEE);
    public final String otherManager = TestTokens.forEmployee("OM-" + entity, entity, Role.LINE_MANAGER, Role.EMPLOYEE);
    public final String bea = TestTokens.forEmployee("B-" + entity, entity, Role.HR_BUSINESS_PARTNER);
    public final String jobpunt = TestTokens.forClient("jobpunt", Role.RECRUITMENT_SYSTEM);

    private final DatabaseClient db;
    private final String bootstrap;

    public TestPeople(DatabaseClient db, String bootstrap) {
        this.db = db;
        this.bootstrap = bootstrap;
        try (TestEvents events = new TestEvents(bootstrap)) {
            publish(events, employee(hanaId, "A1", null, ContractType.STATUTORY));
            publish(events, employee(managerId, "A2", null, ContractType.STATUTORY));
            publish(events, employee(emmaId, "B2", managerId, ContractType.STATUTORY));
            publish(events, employee(ezraId, "C2", managerId, ContractType.CONTRACTUAL));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from hrm_kit.employee where entity = :e")
                .bind("e", entity).map(r -> r.get(0, Long.class)).one().block() == 4);
    }

    /** The other manager of the entity, as an employee with master data of their own. */
    public String otherManagerId() {
        return "OM-" + entity;
    }

    /**
     * Master data names a new line manager for emma or ezra, as of {@code asOf} (the HR system's time of the change), and
     * returns once this service has taken the event in (applied, or left because newer data was there).
     */
    public void newLineManager(String employeeId, String lineManagerId, Instant asOf) {
        boolean emma = employeeId.equals(emmaId);
        EmployeeUpserted change = employee(employeeId, emma ? "B2" : "C2", lineManagerId,
                emma ? ContractType.STATUTORY : ContractType.CONTRACTUAL);
        EventMetadata metadata = new EventMetadata(UUID.randomUUID(), "/hrm/master-data", EmployeeEvents.EMPLOYEE_UPSERTED.ceType(),
                employeeId, asOf, null);
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.EMPLOYEES, employeeId, metadata, EventJson.write(change));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from hrm_kit.inbox_event where event_id = :id")
                .bind("id", metadata.id()).map(r -> r.get(0, Long.class)).one().block() > 0);
    }

    /** Puts the other manager in master data (the first constructor leaves them out: they manage nobody yet). */
    public void addOtherManager() {
        try (TestEvents events = new TestEvents(bootstrap)) {
            publish(events, employee(otherManagerId(), "A2", null, ContractType.STATUTORY));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from hrm_kit.employee where employee_id = :id")
                .bind("id", otherManagerId()).map(r -> r.get(0, Long.class)).one().block() == 1);
    }

    private static void publish(TestEvents events, EmployeeUpserted e) {
        events.publish(Topics.EMPLOYEES, e.employeeId(), EmployeeEvents.EMPLOYEE_UPSERTED, e);
    }

    private EmployeeUpserted employee(String id, String grade, String lineManager, ContractType contract) {
        return new EmployeeUpserted(id, "Name " + id, id + "@example.org", entity, grade, contract, lineManager,
                "policy-advice", List.of("data-analysis", "writing"), "nl");
    }
}
