package org.hrmobility.redeployment;

import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.BeforeEach;

/** The redeployment API tests: each test's people, and their calls through {@link RedeploymentApi}. */
abstract class RedeploymentApiTest extends ServiceApiTest {

    RedeploymentApi api;

    @Override
    protected String api() {
        return "/api/redeployment";
    }

    @BeforeEach
    void redeploymentApi() {
        api = new RedeploymentApi(web, people);
    }
}
