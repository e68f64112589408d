package org.hrmobility.evaluation;

import org.hrmobility.kit.test.ServiceSmokeTests;

class EvaluationServiceSmokeIT extends ServiceSmokeTests {
}
