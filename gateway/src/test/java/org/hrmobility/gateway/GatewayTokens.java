package org.hrmobility.gateway;

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
 * Signed tokens for the gateway's tests, checked the production way: the gateway reads the key from a JWK set
 * served here, and validates issuer, audience and expiry. (The services' tests use the kit's TestTokens; the
 * gateway does not depend on the kit.)
 */
final class GatewayTokens {

    static final String ISSUER = "http://localhost:9000";
    private static final KeyPair KEYS = generate();
    static final String JWK_SET_URI = serve();

    private GatewayTokens() {
    }

    static String person(String subject, String employeeId, String entity, String... roles) {
        return sign(claims(subject, ISSUER, "hrm-api", Instant.now().plus(Duration.ofMinutes(10)), roles)
                .claim("employee_id", employeeId).claim("name", "Test " + employeeId).claim("entity", entity).build());
    }

    static String client(String subject, String... roles) {
        return sign(claims(subject, ISSUER, "hrm-api", Instant.now().plus(Duration.ofMinutes(10)), roles).build());
    }

    static String with(String issuer, String audience, Instant expiresAt) {
        return sign(claims("someone", issuer, audience, expiresAt, "EMPLOYEE").build());
    }

    private static JWTClaimsSet.Builder claims(String subject, String issuer, String audience, Instant expiresAt, String... roles) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(20)))).expirationTime(Date.from(expiresAt))
                .claim("roles", List.of(roles));
    }

    private static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gw").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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

    private static String serve() {
        byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyID("gw").build()).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return "http://localhost:" + server.getAddress().getPort() + "/oauth2/jwks";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
