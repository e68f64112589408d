package org.hrmobility.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real signed JWTs for tests: one RSA key per JVM, its public key handed to the service under test as the
 * resource server's key, so tokens go through the same validation as in production (signature, issuer,
 * audience, expiry).
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "hrm-api";

    private static final KeyPair KEYS = generate();
    private static final String JWK_SET_URI = serveJwkSet();

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

    /** The resource-server settings that trust these tokens: the same JWK-set path as production. */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWK_SET_URI,
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

    /** Serves the public key as a JWK set on a free local port, as an identity provider does. */
    private static String serveJwkSet() {
        try {
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("test").build())
                    .toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.setExecutor(null);
            server.start();
            return "http://localhost:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
