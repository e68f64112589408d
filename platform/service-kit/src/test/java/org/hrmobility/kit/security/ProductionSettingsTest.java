package org.hrmobility.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

    @Test
    @DisplayName("the production profile refuses a localhost or plain-http issuer, a local key set and a database without password, naming each")
    void refusesDevelopmentSettings() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hrm.security.issuer", "http://localhost:9000")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://127.0.0.1:9000/oauth2/jwks")
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/redeployment");
        env.setActiveProfiles("production");

        assertThatThrownBy(() -> ProductionSettings.check(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HRM_ISSUER) is not https").hasMessageContaining("is on this machine")
                .hasMessageContaining("HRM_JWK_SET_URI").hasMessageContaining("SPRING_R2DBC_PASSWORD");
    }

    @Test
    @DisplayName("production settings pass; without the profile nothing is checked")
    void passes() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("hrm.security.issuer", "https://login.hr.example")
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://identity.hrm.svc:9000/oauth2/jwks")
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db/redeployment")
                .withProperty("spring.r2dbc.password", "s3cret");
        production.setActiveProfiles("production");
        assertThat(ProductionSettings.problems(production)).isEmpty();
        ProductionSettings.check(production);

        MockEnvironment development = new MockEnvironment().withProperty("hrm.security.issuer", "http://localhost:9000");
        ProductionSettings.check(development);
    }
}
