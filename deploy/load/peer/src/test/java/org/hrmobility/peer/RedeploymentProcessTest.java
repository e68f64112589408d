package org.hrmobility.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * The peer's BPMN model on an in-memory engine (H2), without Spring or HTTP: the rules of the redeployment flow
 * hold in the process as they do in the suite's {@code RedeploymentCase}.
 */
class RedeploymentProcessTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    /** The day the tests run on: a trajectory until 2026-09-30 is completed, one until 2027-01-31 is not. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZONE);

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static HistoryService history;
    private static ManagementService management;

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:peer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("peer-test-" + UUID.randomUUID());
        configuration.setBeans(Map.of("redeploymentRules", new RedeploymentRules(TODAY)));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("bpmn/redeployment.bpmn").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        history = engine.getHistoryService();
        management = engine.getManagementService();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    @DisplayName("R-RED-4: the third offer places the employee ex officio in the peer process too (two refusals, no answer task for the third)")
    void thirdOfferPlacesExOfficio() {
        ProcessInstance flow = inThePool("E-4001");
        refuseAnOffer(flow);
        refuseAnOffer(flow);

        complete(flow, "makeOffer", Map.of("offerTitle", "Analyst", "offerEntity", "DEPT-WSE", "offerGrade", "B1"));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(flow.getId()).count()).isZero();
        assertThat(outcome(flow)).isEqualTo("PLACED_EX_OFFICIO");
        assertThat(tasksDone(flow, "makeOffer")).isEqualTo(3);
        assertThat(tasksDone(flow, "answerOffer")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-RED-4: an offer accepted before two refusals places the employee by their answer")
    void acceptedOfferPlaces() {
        ProcessInstance flow = inThePool("E-4002");
        refuseAnOffer(flow);
        complete(flow, "makeOffer", Map.of("offerTitle", "Adviser", "offerEntity", "DEPT-WSE", "offerGrade", "B2"));

        complete(flow, "answerOffer", Map.of("accepted", true, "answerReason", "close to home"));

        assertThat(outcome(flow)).isEqualTo("PLACED");
        assertThat(tasksDone(flow, "answerOffer")).isEqualTo(2);
    }

    @Test
    @DisplayName("R-RED-2: an employee found not redeployable follows an internal trajectory and gets no offer")
    void notRedeployable() {
        ProcessInstance flow = opened("E-4003");
        complete(flow, "recordGuidance", guidanceUntil("2026-09-30"));

        complete(flow, "decideAdmissibility", Map.of("redeployable", false, "motivation", "medical"));

        assertThat(outcome(flow)).isEqualTo("INTERNAL_TRAJECTORY");
        assertThat(tasksDone(flow, "makeOffer")).isZero();
    }

    @Test
    @DisplayName("R-RED-1: admissibility waits until the guidance trajectory is completed, then is the case handler's task")
    void admissibilityAfterTrajectory() {
        ProcessInstance flow = opened("E-4004");
        complete(flow, "recordGuidance", guidanceUntil("2027-01-31"));

        assertThat(tasks.createTaskQuery().processInstanceId(flow.getId()).count()).isZero();
        Job trajectoryEnds = management.createJobQuery().processInstanceId(flow.getId()).singleResult();
        assertThat(trajectoryEnds.getDuedate().toInstant()).isEqualTo(LocalDate.parse("2027-02-01").atStartOfDay(ZONE).toInstant());

        management.executeJob(trajectoryEnds.getId());

        Task admissibility = tasks.createTaskQuery().processInstanceId(flow.getId()).singleResult();
        assertThat(admissibility.getTaskDefinitionKey()).isEqualTo("decideAdmissibility");
        assertThat(tasks.getIdentityLinksForTask(admissibility.getId())).anyMatch(l -> DemoUsers.CASE_HANDLERS.equals(l.getGroupId()));
    }

    @Test
    @DisplayName("R-RED-5: an offer left unanswered for 14 days counts as a refusal; after two, the next offer is ex officio")
    void unansweredOffersCountAsRefusals() {
        ProcessInstance flow = inThePool("E-4005");
        for (int offer = 1; offer <= 2; offer++) {
            complete(flow, "makeOffer", Map.of("offerTitle", "Adviser", "offerEntity", "DEPT-WSE", "offerGrade", "B2"));
            Job deadline = management.createJobQuery().processInstanceId(flow.getId()).singleResult();
            management.executeJob(deadline.getId());
            assertThat(runtime.getVariable(flow.getId(), "refusals")).isEqualTo((long) offer);
        }

        complete(flow, "makeOffer", Map.of("offerTitle", "Analyst", "offerEntity", "DEPT-WSE", "offerGrade", "B1"));

        assertThat(outcome(flow)).isEqualTo("PLACED_EX_OFFICIO");
        assertThat(tasksDone(flow, "answerOffer")).isEqualTo(2);
    }

    @Test
    @DisplayName("The guidance task is the employee's line manager's, the answer task the employee's (case handlers may act for them)")
    void assignments() {
        ProcessInstance flow = opened("E-4006");
        assertThat(task(flow).getAssignee()).isEqualTo("lars");
        complete(flow, "recordGuidance", guidanceUntil("2026-09-30"));
        complete(flow, "decideAdmissibility", Map.of("redeployable", true, "motivation", "pool"));
        complete(flow, "makeOffer", Map.of("offerTitle", "Adviser", "offerEntity", "DEPT-WSE", "offerGrade", "B2"));

        Task answer = task(flow);

        assertThat(answer.getTaskDefinitionKey()).isEqualTo("answerOffer");
        assertThat(answer.getAssignee()).isEqualTo("E-4006");
        assertThat(tasks.getIdentityLinksForTask(answer.getId())).anyMatch(l -> DemoUsers.CASE_HANDLERS.equals(l.getGroupId()));
    }

    private ProcessInstance opened(String employeeId) {
        return runtime.startProcessInstanceByKey("redeployment", employeeId,
                Map.of("employeeId", employeeId, "lineManagerId", "lars", "entity", "DEPT-WSE", "grade", "B2"));
    }

    private ProcessInstance inThePool(String employeeId) {
        ProcessInstance flow = opened(employeeId);
        complete(flow, "recordGuidance", guidanceUntil("2026-09-30"));
        complete(flow, "decideAdmissibility", Map.of("redeployable", true, "motivation", "pool"));
        return flow;
    }

    private void refuseAnOffer(ProcessInstance flow) {
        complete(flow, "makeOffer", Map.of("offerTitle", "Adviser", "offerEntity", "DEPT-WSE", "offerGrade", "B2"));
        complete(flow, "answerOffer", Map.of("accepted", false, "answerReason", "declined by phone"));
    }

    private static Map<String, Object> guidanceUntil(String to) {
        return Map.of("guidanceFrom", "2026-03-01", "guidanceTo", to, "guidanceActions", "coaching");
    }

    private Task task(ProcessInstance flow) {
        return tasks.createTaskQuery().processInstanceId(flow.getId()).singleResult();
    }

    /** Completes the flow's one open task, which must be the one named. */
    private void complete(ProcessInstance flow, String taskKey, Map<String, Object> variables) {
        Task task = task(flow);
        assertThat(task).as("the open task of " + flow.getBusinessKey()).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        tasks.complete(task.getId(), variables);
    }

    private Object outcome(ProcessInstance flow) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(flow.getId()).count()).as("ended").isZero();
        return history.createHistoricVariableInstanceQuery().processInstanceId(flow.getId()).variableName("outcome").singleResult()
                .getValue();
    }

    private long tasksDone(ProcessInstance flow, String taskKey) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(flow.getId()).taskDefinitionKey(taskKey).finished().count();
    }
}
