package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.netty.handler.ssl.SslContextBuilder;

/**
 * The sender connects to the address checked and nowhere else, while the request and TLS speak to the name: the test
 * names (*.test) exist in no DNS, so any second lookup would fail the delivery.
 */
class WebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private record Seen(String host, String uri, String body, String sni) {
    }

    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> sni = Collections.synchronizedList(new ArrayList<>());
    private final List<HttpServer> servers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private HttpServer serve(HttpServer server, int status, String location) {
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().toString(), body,
                    sni.isEmpty() ? null : sni.get(sni.size() - 1)));
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    private HttpServer http(int status, String location) throws IOException {
        return serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), status, location);
    }

    private static Endpoints.Target target(String url, String host, String address) throws Endpoints.Refused {
        // allow-private-addresses: the receiver is on this machine; the policy itself is EndpointsTest's
        return new Endpoints(Fixtures.settings(true), new Fixtures.ScriptedResolver().answer(host, address)).target(url);
    }

    @Test
    @DisplayName("Security: a delivery connects to the checked address itself, never resolving the name again, with the name in the Host header")
    void connectsToTheCheckedAddress() throws Exception {
        HttpServer server = http(204, null);
        int port = server.getAddress().getPort();
        Endpoints.Target target = target("http://hooks.test:" + port + "/in/hook?a=1", "hooks.test", "127.0.0.1");

        Integer status = new WebhookSender(TIMEOUT, null).post(target, Map.of("webhook-id", "m-1"), "{\"x\":\"é\"}").block(TIMEOUT);

        assertThat(status).isEqualTo(204);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.host()).isEqualTo("hooks.test:" + port);
            assertThat(request.uri()).isEqualTo("/in/hook?a=1");
            assertThat(request.body()).isEqualTo("{\"x\":\"é\"}");
        });
    }

    @Test
    @DisplayName("Security: a redirect is not followed: the 3xx is the answer, and its Location is never called")
    void redirectsNotFollowed() throws Exception {
        HttpServer elsewhere = http(200, null);
        HttpServer redirecting = http(302, "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/internal");
        Endpoints.Target target = target("http://hooks.test:" + redirecting.getAddress().getPort() + "/in", "hooks.test", "127.0.0.1");

        Integer status = new WebhookSender(TIMEOUT, null).post(target, Map.of(), "{}").block(TIMEOUT);

        assertThat(status).isEqualTo(302);
        assertThat(seen).singleElement().extracting(Seen::uri).isEqualTo("/in");
    }

    @Test
    @DisplayName("Security: over https the pinned connection sends the name as SNI and checks the certificate against the name, not the address")
    void httpsSpeaksToTheName() throws Exception {
        KeyStore keys = certificateFor("hooks.test");
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sni.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        serve(server, 200, null);
        int port = server.getAddress().getPort();
        WebhookSender sender = new WebhookSender(TIMEOUT,
                SslContextBuilder.forClient().trustManager((X509Certificate) keys.getCertificate("hook")).build());

        Integer status = sender.post(target("https://hooks.test:" + port + "/in", "hooks.test", "127.0.0.1"), Map.of(), "{}")
                .block(TIMEOUT);

        assertThat(status).isEqualTo(200);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.host()).isEqualTo("hooks.test:" + port);
            assertThat(request.sni()).isEqualTo("hooks.test");
        });

        // the same certificate for another name is refused: the check is against the URL's name
        assertThatThrownBy(() -> sender.post(target("https://other.test:" + port + "/in", "other.test", "127.0.0.1"), Map.of(), "{}")
                .block(TIMEOUT)).isNotNull();
        assertThat(seen).hasSize(1);
    }

    @Test
    @DisplayName("Webhooks: an endpoint that does not answer fails within the timeout")
    void timesOut() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        servers.add(silent);
        Endpoints.Target target = target("http://hooks.test:" + silent.getAddress().getPort() + "/in", "hooks.test", "127.0.0.1");
        long started = System.nanoTime();

        assertThatThrownBy(() -> new WebhookSender(Duration.ofMillis(500), null).post(target, Map.of(), "{}").block(TIMEOUT)).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_900);
    }

    /** A self-signed certificate for this name only, made with the JDK's keytool. */
    private KeyStore certificateFor(String name) throws Exception {
        Path store = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return keys;
    }
}
