package org.hrmobility.redeployment;

import org.hrmobility.kit.test.ServiceSmokeTests;

class RedeploymentServiceSmokeIT extends ServiceSmokeTests {
}
