package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    @DisplayName("a picked port is free and below the ephemeral range, where no outgoing connection takes it before its server binds it")
    void picksBelowTheEphemeralRange() {
        for (int i = 0; i < 20; i++) {
            int port = Ports.pickFree();
            assertThat(port).isBetween(20000, 31999);
            assertThat(Ports.isFree(port)).isTrue();
        }
    }
}
