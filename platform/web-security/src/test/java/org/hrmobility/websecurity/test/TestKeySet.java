package org.hrmobility.websecurity.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider's JWK set whose keys the test adds and removes (a key rotation), served on a free local port
 * and counting how often it is fetched. Its tokens carry {@link TestTokens}' issuer and audience.
 */
public final class TestKeySet implements AutoCloseable {

    private static final KeyPair FORGER = TestTokens.generate();

    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final List<String> served = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean failing;
    private final HttpServer server;

    public TestKeySet() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            if (failing) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A new RSA key in the set, under this key id. */
    public TestKeySet add(String keyId) {
        keys.put(keyId, TestTokens.generate());
        served.add(keyId);
        return this;
    }

    /** The key leaves the set (the identity provider no longer vouches for it); its tokens can still be made. */
    public TestKeySet remove(String keyId) {
        served.remove(keyId);
        return this;
    }

    /** While failing, the set is answered 503 (the identity provider away). */
    public TestKeySet failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    /** A valid token (issuer, audience, thirty minutes) signed by this key of the set. */
    public String token(String keyId, String subject, String... roles) {
        KeyPair pair = keys.get(keyId);
        return TestTokens.sign(TestTokens.claims(subject).claim("roles", List.of(roles)).build(), keyId, null,
                (RSAPrivateKey) pair.getPrivate());
    }

    /** As {@link TestTokens#withoutExpiry}, signed by this key of the set. */
    public String withoutExpiry(String keyId, String subject, String... roles) {
        return TestTokens.sign(TestTokens.claims(subject).expirationTime(null).claim("roles", List.of(roles)).build(), keyId, null,
                (RSAPrivateKey) keys.get(keyId).getPrivate());
    }

    /** As {@link TestTokens#typed}, signed by this key of the set. */
    public String typed(String keyId, String type, String subject, String... roles) {
        return TestTokens.sign(TestTokens.claims(subject).claim("roles", List.of(roles)).build(), keyId, type,
                (RSAPrivateKey) keys.get(keyId).getPrivate());
    }

    /** A token naming a key id of the caller's choice, signed by a key no identity provider has: a forgery. */
    public static String forged(String keyId, String subject, String... roles) {
        return TestTokens.sign(TestTokens.claims(subject).claim("roles", List.of(roles)).build(), keyId, null,
                (RSAPrivateKey) FORGER.getPrivate());
    }

    /** A forged token with a random key id. */
    public static String forgedWithRandomKeyId(String subject, String... roles) {
        return forged(UUID.randomUUID().toString(), subject, roles);
    }

    public int fetches() {
        return fetches.get();
    }

    public String uri() {
        return "http://localhost:" + server.getAddress().getPort() + "/oauth2/jwks";
    }

    /** The resource-server settings that trust this set (as {@link TestTokens#properties()} for its own key). */
    public Map<String, Object> properties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", uri(),
                "hrm.security.issuer", TestTokens.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
    }

    private String jwks() {
        List<JWK> jwks = new ArrayList<>();
        for (String keyId : served) {
            jwks.add(new RSAKey.Builder((RSAPublicKey) keys.get(keyId).getPublic()).keyID(keyId).build());
        }
        return new JWKSet(jwks).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
