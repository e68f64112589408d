package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeaderFirewallTest {

    /** Spring Security's default rule for header names and values. */
    static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    @DisplayName("Security: the firewall's header check decides as Spring Security's pattern does, control characters refused")
    void sameRuleAsThePattern() {
        String[] values = {"Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "text/event-stream", "Zürich – ü", "", "a\tb", "a\nb", "a\u0000b",
                "\u0378", "😀 emoji", "\u007f"};
        for (String value : values) {
            assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(value)).as(value).isEqualTo(SPRING.matcher(value).matches());
        }
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test("a\r\nb")).isFalse();
        assertThat(HeaderFirewall.ASSIGNED_NOT_CONTROL.test(null)).as("an absent header, as Spring Security lets through").isTrue();
    }
}
