package org.hrmobility.notification;

import org.hrmobility.kit.test.ServiceSmokeTests;

class NotificationServiceSmokeIT extends ServiceSmokeTests {

    static {
        // the same Spring context as the API tests, whichever runs first: it sends mail to the test's SMTP server
        TestMailServer.start();
    }
}
