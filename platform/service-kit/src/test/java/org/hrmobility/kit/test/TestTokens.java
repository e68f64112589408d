package org.hrmobility.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.security.Role;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Real signed JWTs for tests: one RSA key per JVM, its public key handed to the service under test as the
 * resource server's key, so tokens go through the same validation as in production (signature, issuer,
 * audience, expiry).
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "hrm-api";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {
    }

    /** A token for a person. */
    public static String forEmployee(String employeeId, String entity, Role... roles) {
        return token(builder(employeeId).claim("employee_id", employeeId).claim("name", "Test " + employeeId)
                .claim("entity", entity).claim("roles", names(roles)).build());
    }

    /** A token for a machine client (no employee id). */
    public static String forClient(String clientId, Role... roles) {
        return token(builder(clientId).claim("roles", names(roles)).build());
    }

    /** A token with any claims changed, for the refusals: another issuer, audience, or an expired one. */
    public static String with(String subject, String issuer, String audience, Instant expiresAt, Role... roles) {
        return token(new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiresAt))
                .claim("roles", names(roles)).build());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JWTClaimsSet.Builder builder(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
    }

    private static List<String> names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toList();
    }

    private static String token(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The resource-server settings that trust these tokens. */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", PUBLIC_KEY.toUri().toString(),
                "hrm.security.issuer", ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", AUDIENCE);
    }

    /** {@code @ContextConfiguration(initializers = TestTokens.Initializer.class)} */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-tokens", properties()));
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("hrm-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(((RSAPublicKey) KEYS.getPublic()).getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
