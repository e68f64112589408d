package org.hrmobility.websecurity.test;

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
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Real signed JWTs (RS256) for the tests of every entry point, the gateway's and the services': one RSA key per
 * JVM, its public key served as a JWK set on a free local port as an identity provider does, so tokens go through
 * the same validation as in production (signature from the key set, issuer, audience, expiry). Shared as
 * web-security's test-jar; the service kit's {@code TestTokens} takes its {@code Role}s and hands them on here.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String AUDIENCE = "hrm-api";
    private static final String KEY_ID = "test";

    private static final KeyPair KEYS = generate();
    private static final String JWK_SET_URI = serveJwkSet();

    private TestTokens() {
    }

    /** A token for a person whose subject is their employee id. */
    public static String forEmployee(String employeeId, String entity, String... roles) {
        return forPerson(employeeId, employeeId, entity, roles);
    }

    /** A token for a person with a subject of their own (a user name, as the identity provider gives). */
    public static String forPerson(String subject, String employeeId, String entity, String... roles) {
        return token(builder(subject).claim("employee_id", employeeId).claim("name", "Test " + employeeId)
                .claim("entity", entity).claim("roles", List.of(roles)).build());
    }

    /** A token for a machine client (no employee id). */
    public static String forClient(String clientId, String... roles) {
        return token(builder(clientId).claim("roles", List.of(roles)).build());
    }

    /** A token with any claims changed, for the refusals: another issuer, audience, or an expired one. */
    public static String with(String subject, String issuer, String audience, Instant expiresAt, String... roles) {
        return token(new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10)))).expirationTime(Date.from(expiresAt))
                .claim("roles", List.of(roles)).build());
    }

    /** A token that never expires (no {@code exp}): refused, a token must expire. */
    public static String withoutExpiry(String subject, String... roles) {
        return token(new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE).issueTime(new Date())
                .claim("roles", List.of(roles)).build());
    }

    /** A valid token but for its JOSE {@code typ} header: {@code at+jwt} is accepted, an ID token's or another type is not. */
    public static String typed(String type, String subject, String... roles) {
        return sign(builder(subject).claim("roles", List.of(roles)).build(), KEY_ID, type, (RSAPrivateKey) KEYS.getPrivate());
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Where the public key is served, as a JWK set. */
    public static String jwkSetUri() {
        return JWK_SET_URI;
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

    private static JWTClaimsSet.Builder builder(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
    }

    private static String token(JWTClaimsSet claims) {
        return sign(claims, KEY_ID, null, (RSAPrivateKey) KEYS.getPrivate());
    }

    /** The claims signed RS256 with this key, naming {@code keyId} and, when not null, the JOSE {@code typ}. */
    static String sign(JWTClaimsSet claims, String keyId, String type, RSAPrivateKey key) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId);
            if (type != null) {
                header.type(new JOSEObjectType(type));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token: issuer, audience, issued now, expiring in thirty minutes. */
    static JWTClaimsSet.Builder claims(String subject) {
        return builder(subject);
    }

    static KeyPair generate() {
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
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID(KEY_ID).build())
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
