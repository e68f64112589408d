package org.hrmobility.notification;

import org.hrmobility.kit.test.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    @Override
    protected String basePackage() {
        return "org.hrmobility.notification";
    }
}
