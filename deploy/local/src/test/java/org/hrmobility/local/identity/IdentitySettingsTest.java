package org.hrmobility.local.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class IdentitySettingsTest {

    private static DemoUsers users(String password, String secret, String keyFile) {
        return new DemoUsers("https://id.example", keyFile,
                List.of(new DemoUsers.User("hana", "E-0001", "Hana", "DEPT", List.of("HR_CASE_HANDLER"), password)), secret, null);
    }

    @Test
    @DisplayName("on a developer's machine: the password grant, and a demo user's password is the username")
    void development() {
        assertThat(IdentitySettings.of(users(null, null, null), new MockEnvironment()).passwordGrant()).isTrue();
        assertThat(users(null, null, null).users().get(0).storedPassword()).isEqualTo("{noop}hana");
    }

    @Test
    @DisplayName("with the production profile: no password grant; plain-text or missing passwords and secrets, or a generated key, refuse the start")
    void production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("production");

        assertThatThrownBy(() -> IdentitySettings.of(users("{noop}hana", null, null), env))
                .hasMessageContaining("user hana has no encoded password")
                .hasMessageContaining("recruitment-client-secret").hasMessageContaining("HRM_IDENTITY_KEY_FILE");
        IdentitySettings settings = IdentitySettings.of(users("{bcrypt}$2a$10$abcdefghijklmnopqrstuv", "{bcrypt}$2a$10$x", "/keys/jwk.json"), env);
        assertThat(settings.passwordGrant()).isFalse();
    }
}
