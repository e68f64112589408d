package org.hrmobility.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The console's security as a backend-for-frontend, without a browser: where an unknown person is sent, the login's
 * authorization request (PKCE, the gateway's address from X-Forwarded-*), the session cookie, CSRF on every form and the
 * Content-Security-Policy. The identity provider is a stand-in serving its OpenID metadata.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
class ConsoleSecurityTest {

    private static final HttpServer PROVIDER = provider();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("hrm.console.issuer", ConsoleSecurityTest::issuer);
        registry.add("hrm.console.gateway-url", () -> "http://localhost:1");
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop(0);
    }

    static String issuer() {
        return "http://localhost:" + PROVIDER.getAddress().getPort();
    }

    @Test
    @DisplayName("BFF: a page without a session goes to the login; the session cookie is HttpOnly, Secure, SameSite=Lax; htmx is told where to go (401); health is public")
    void unauthenticated() {
        EntityExchangeResult<byte[]> page = web.get().uri("/console/cases/1").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound().expectHeader().location("/oauth2/authorization/hrm").expectBody().returnResult();
        ResponseCookie session = page.getResponseCookies().getFirst("HRM_CONSOLE");
        assertThat(session).as("the saved request lives in the session").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        web.get().uri("/console").header("HX-Request", "true").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("HX-Redirect", "/oauth2/authorization/hrm");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("Login: the authorization request is code with PKCE (S256) for the public client hrm-web, and its redirect URI is the gateway's address from X-Forwarded-*")
    void authorizationRequest() {
        String location = web.get().uri("/oauth2/authorization/hrm").header("X-Forwarded-Host", "localhost:8080")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Port", "8080").exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation().toString();

        assertThat(location).startsWith(issuer() + "/oauth2/authorize?").contains("response_type=code").contains("client_id=hrm-web")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("scope=openid%20profile%20hrm")
                .contains("redirect_uri=http://localhost:8080/login/oauth2/code/hrm").doesNotContain("client_secret");
    }

    @Test
    @DisplayName("CSRF: a form posted without Spring Security's token is refused (403), logout included; pages carry a Content-Security-Policy that allows no script, style or form target but the console's own (and the provider for logout)")
    void csrfAndContentSecurityPolicy() {
        web.post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("x=1").exchange().expectStatus().isForbidden();
        web.post().uri("/console/language").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("language=en").exchange()
                .expectStatus().isForbidden();
        String csp = web.get().uri("/console/signed-out").exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .contains("form-action 'self' " + issuer()).doesNotContain("unsafe-inline");
        web.get().uri("/console/signed-out").exchange().expectHeader().value(HttpHeaders.CONTENT_TYPE, t -> assertThat(t).startsWith("text/html"))
                .expectBody(String.class).value(html -> assertThat(html).contains("lang=\"nl\"").contains("Afgemeld"));
    }

    /** The identity provider's OpenID metadata, as Spring Authorization Server serves it. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/openid-configuration", exchange -> {
                String issuer = "http://localhost:" + server.getAddress().getPort();
                byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/oauth2/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/oauth2/token\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\","
                        + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\",\"end_session_endpoint\":\"" + issuer + "/connect/logout\","
                        + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"scopes_supported\":[\"openid\"]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
