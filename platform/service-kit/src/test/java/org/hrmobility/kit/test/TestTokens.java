package org.hrmobility.kit.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.hrmobility.kit.security.Role;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The suite's test tokens ({@link org.hrmobility.websecurity.test.TestTokens}, web-security's test-jar: real RS256
 * JWTs, their key served as a JWK set) with the kit's {@link Role}s, for the services' tests.
 */
public final class TestTokens {

    public static final String ISSUER = org.hrmobility.websecurity.test.TestTokens.ISSUER;
    public static final String AUDIENCE = org.hrmobility.websecurity.test.TestTokens.AUDIENCE;

    private TestTokens() {
    }

    /** A token for a person. */
    public static String forEmployee(String employeeId, String entity, Role... roles) {
        return org.hrmobility.websecurity.test.TestTokens.forEmployee(employeeId, entity, names(roles));
    }

    /** A token for a machine client (no employee id). */
    public static String forClient(String clientId, Role... roles) {
        return org.hrmobility.websecurity.test.TestTokens.forClient(clientId, names(roles));
    }

    /** A token with any claims changed, for the refusals: another issuer, audience, or an expired one. */
    public static String with(String subject, String issuer, String audience, Instant expiresAt, Role... roles) {
        return org.hrmobility.websecurity.test.TestTokens.with(subject, issuer, audience, expiresAt, names(roles));
    }

    public static String bearer(String token) {
        return org.hrmobility.websecurity.test.TestTokens.bearer(token);
    }

    /** The resource-server settings that trust these tokens: the same JWK-set path as production. */
    public static Map<String, Object> properties() {
        return org.hrmobility.websecurity.test.TestTokens.properties();
    }

    /** {@code @ContextConfiguration(initializers = TestTokens.Initializer.class)} */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new org.hrmobility.websecurity.test.TestTokens.Initializer().initialize(context);
        }
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
