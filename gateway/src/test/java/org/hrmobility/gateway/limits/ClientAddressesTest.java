package org.hrmobility.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

class ClientAddressesTest {

    static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/me")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header(ClientAddresses.FORWARDED_FOR, value);
        }
        return request.build();
    }

    @Test
    @DisplayName("API4: without trusted proxies the connection's address counts and X-Forwarded-For is ignored")
    void noTrustedProxies() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("192.0.2.1", "198.51.100.7"))).isEqualTo("192.0.2.1");
    }

    @Test
    @DisplayName("API4: behind trusted proxies the nearest untrusted hop of X-Forwarded-For counts, over several header lines; names are never looked up")
    void trustedProxies() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"));
        assertThat(addresses.of(from("10.1.1.1", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.1.1", "203.0.113.9, 198.51.100.7, 10.2.2.2"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.1.1", "203.0.113.9", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.of(from("10.1.1.1", "[2001:db8::1]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:0/64");
        assertThat(addresses.of(from("10.1.1.1", "198.51.100.7:4711"))).isEqualTo("198.51.100.7");
        // nothing usable: the proxy itself
        assertThat(addresses.of(from("10.1.1.1", "attacker.example"))).isEqualTo("10.1.1.1");
        assertThat(addresses.of(from("10.1.1.1"))).isEqualTo("10.1.1.1");
        // all trusted: the farthest one
        assertThat(addresses.of(from("10.1.1.1", "10.3.3.3, 10.2.2.2"))).isEqualTo("10.3.3.3");
        // from an untrusted peer the header counts for nothing
        assertThat(addresses.of(from("198.51.100.1", "10.9.9.9"))).isEqualTo("198.51.100.1");
    }

    @Test
    @DisplayName("API4: trusted proxies are addresses or CIDR ranges, IPv4 or IPv6; a name is refused at start, never looked up")
    void ranges() {
        assertThat(ClientAddresses.Range.parse("10.0.0.0/8").contains(ClientAddresses.literal("10.255.1.2"))).isTrue();
        assertThat(ClientAddresses.Range.parse("10.0.0.0/8").contains(ClientAddresses.literal("11.0.0.1"))).isFalse();
        assertThat(ClientAddresses.Range.parse("172.16.0.0/12").contains(ClientAddresses.literal("172.31.255.255"))).isTrue();
        assertThat(ClientAddresses.Range.parse("172.16.0.0/12").contains(ClientAddresses.literal("172.32.0.1"))).isFalse();
        assertThat(ClientAddresses.Range.parse("192.0.2.1").contains(ClientAddresses.literal("192.0.2.2"))).isFalse();
        assertThat(ClientAddresses.Range.parse("2001:db8::/32").contains(ClientAddresses.literal("2001:db8:ffff::1"))).isTrue();
        assertThat(ClientAddresses.Range.parse("2001:db8::/32").contains(ClientAddresses.literal("192.0.2.1"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClientAddresses.Range.parse("proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("API4: an IPv6 caller counts by its /64, which one subscriber holds whole")
    void ipv6ByNetwork() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("2001:db8:1:2:aaaa::1"))).isEqualTo(addresses.of(from("2001:db8:1:2:bbbb::2")));
        assertThat(addresses.of(from("2001:db8:1:3::1"))).isNotEqualTo(addresses.of(from("2001:db8:1:2::1")));
        assertThat(ClientAddresses.literal("::ffff:192.0.2.5").getHostAddress()).isEqualTo("192.0.2.5");
        assertThat(ClientAddresses.literal("999.1.1.1")).isNull();
        assertThat(ClientAddresses.literal("localhost")).isNull();
    }

    @Test
    @DisplayName("API4: the address buckets stay bounded however many addresses call")
    void boundedMemory() {
        AddressLimits limits = new AddressLimits(new AddressLimitSettings(1, 5, List.of(), 100));
        for (int i = 0; i < 5_000; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(from("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
            limits.filter(exchange, e -> Mono.empty()).block();
        }
        assertThat(limits.size()).isLessThanOrEqualTo(100);
    }
}
