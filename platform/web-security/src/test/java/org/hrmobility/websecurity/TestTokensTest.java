package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/** The shared test tokens are what production checks: signed with the key of the JWK set they serve. */
class TestTokensTest {

    final NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(TestTokens.jwkSetUri()).build();

    {
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
    }

    @Test
    @DisplayName("a person's and a client's token pass signature (from the served JWK set), issuer and expiry, with their claims")
    void tokensVerify() {
        Jwt person = decoder.decode(TestTokens.forPerson("hana", "E-0001", "DEPT-WSE", "HR_CASE_HANDLER", "EMPLOYEE")).block();
        assertThat(person.getSubject()).isEqualTo("hana");
        assertThat(person.getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(person.getClaimAsString("employee_id")).isEqualTo("E-0001");
        assertThat(person.getClaimAsString("entity")).isEqualTo("DEPT-WSE");
        assertThat(person.getClaimAsStringList("roles")).containsExactly("HR_CASE_HANDLER", "EMPLOYEE");
        assertThat(decoder.decode(TestTokens.forEmployee("E-3", "DEPT-A", "EMPLOYEE")).block().getSubject()).isEqualTo("E-3");

        Jwt client = decoder.decode(TestTokens.forClient("jobpunt", "RECRUITMENT_SYSTEM")).block();
        assertThat(client.getSubject()).isEqualTo("jobpunt");
        assertThat(client.hasClaim("employee_id")).isFalse();
        assertThat(TestTokens.bearer("t")).isEqualTo("Bearer t");
    }

    @Test
    @DisplayName("the refusals' tokens are refused: expired, another issuer")
    void refusals() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.with("x", TestTokens.ISSUER, TestTokens.AUDIENCE,
                Instant.now().minusSeconds(600), "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.with("x", "http://elsewhere", TestTokens.AUDIENCE,
                Instant.now().plusSeconds(600), "EMPLOYEE")).block()).isInstanceOf(BadJwtException.class);
    }
}
