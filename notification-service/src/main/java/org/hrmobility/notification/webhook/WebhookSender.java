package org.hrmobility.notification.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Posts one delivery to exactly the address {@link Endpoints#target} checked, never resolving the name again: the
 * connection goes to that address, while the Host header, TLS SNI and certificate check all use the URL's host name,
 * so an https endpoint is verified as the name it was subscribed under. (The JDK's {@code java.net.http} client cannot
 * do this: it resolves the URL's host itself and does not let the Host header be set.)
 * <p>
 * Reactor Netty, without a connection pool (a connection is only ever to an address checked for this delivery),
 * without following redirects (a {@code 3xx} is a failed attempt, so a redirect cannot lead anywhere unchecked), and
 * without retrying a request on its own (every attempt is in the delivery log).
 */
final class WebhookSender {

    private final HttpClient http;
    private final HttpClient https;

    /**
     * @param tls the TLS client context, or null for the default one (the JVM's trusted certificates); tests trust their
     *            own certificate with it
     */
    WebhookSender(Duration timeout, SslContext tls) {
        HttpClient base = HttpClient.newConnection()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout)
                .followRedirect(false)
                .disableRetry(true)
                .compress(false);
        this.http = base.noSSL();
        this.https = tls == null ? base.secure() : base.secure(spec -> spec.sslContext(tls));
    }

    /** The answer's status code; its body is not read. Fails when no answer came (refused, timed out, TLS refused). */
    Mono<Integer> post(Endpoints.Target target, Map<String, String> headers, String body) {
        InetSocketAddress remote;
        try {
            // the checked address, carrying the URL's host name: Netty connects to the address as it is (no lookup)
            // and uses the name for SNI and the certificate's host name check
            remote = new InetSocketAddress(InetAddress.getByAddress(target.host(), target.address().getAddress()), target.port());
        } catch (UnknownHostException e) {
            return Mono.error(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (target.secure() ? https : http)
                .remoteAddress(() -> remote)
                .headers(h -> {
                    headers.forEach(h::set);
                    h.set(HttpHeaderNames.HOST, target.hostHeader());
                    h.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
                })
                .post()
                // a relative URI: an absolute one would make Reactor Netty resolve its host itself
                .uri(target.pathAndQuery())
                .send(Mono.fromCallable(() -> Unpooled.wrappedBuffer(bytes)))
                .response()
                .map(response -> response.status().code());
    }
}
