package org.hrmobility.mobility;

import org.hrmobility.kit.test.ServiceSmokeTests;

class MobilityServiceSmokeIT extends ServiceSmokeTests {
}
