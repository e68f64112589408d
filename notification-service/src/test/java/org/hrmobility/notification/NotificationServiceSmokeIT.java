package org.hrmobility.notification;

import org.hrmobility.kit.test.ServiceSmokeTests;

class NotificationServiceSmokeIT extends ServiceSmokeTests {
}
