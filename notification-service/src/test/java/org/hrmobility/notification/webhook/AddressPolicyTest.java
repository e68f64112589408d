package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every internal range, and both sides of each of its boundaries. */
class AddressPolicyTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** An IPv6 address as it is, even an IPv4-mapped one (InetAddress.getByName would turn that into IPv4). */
    private static InetAddress ipv6(String literal) {
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                bytes = mapped;
            }
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @ParameterizedTest(name = "{0} is internal: {1}")
    @DisplayName("Security: every IPv4 address inside an internal range is refused, up to both of its edges")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0           | this network
            0.255.255.255     | this network
            10.0.0.0          | private (10.0.0.0/8)
            10.255.255.255    | private (10.0.0.0/8)
            100.64.0.0        | carrier-grade NAT
            100.127.255.255   | carrier-grade NAT
            127.0.0.0         | loopback
            127.0.0.1         | loopback
            127.255.255.255   | loopback
            169.254.0.0       | link-local
            169.254.169.254   | link-local
            169.254.255.255   | link-local
            172.16.0.0        | private (172.16.0.0/12)
            172.31.255.255    | private (172.16.0.0/12)
            192.0.0.0         | protocol assignments
            192.0.0.255       | protocol assignments
            192.0.2.0         | documentation (192.0.2.0/24)
            192.0.2.255       | documentation (192.0.2.0/24)
            192.88.99.0       | 6to4 relay
            192.88.99.255     | 6to4 relay
            192.168.0.0       | private (192.168.0.0/16)
            192.168.255.255   | private (192.168.0.0/16)
            198.18.0.0        | benchmarking
            198.19.255.255    | benchmarking
            198.51.100.0      | documentation (198.51.100.0/24)
            198.51.100.255    | documentation (198.51.100.0/24)
            203.0.113.0       | documentation (203.0.113.0/24)
            203.0.113.255     | documentation (203.0.113.0/24)
            224.0.0.0         | multicast
            239.255.255.255   | multicast
            240.0.0.0         | reserved and broadcast
            255.255.255.255   | reserved and broadcast
            """)
    void internalIpv4(String literal, String range) {
        assertThat(AddressPolicy.internalRange(address(literal))).hasValueSatisfying(name -> assertThat(name).contains(range));
    }

    @ParameterizedTest(name = "{0} is public")
    @DisplayName("Security: the IPv4 addresses just outside each internal range are public")
    @CsvSource(textBlock = """
            1.0.0.0
            9.255.255.255
            11.0.0.0
            100.63.255.255
            100.128.0.0
            126.255.255.255
            128.0.0.0
            169.253.255.255
            169.255.0.0
            172.15.255.255
            172.32.0.0
            191.255.255.255
            192.0.1.0
            192.0.1.255
            192.0.3.0
            192.88.98.255
            192.88.100.0
            192.167.255.255
            192.169.0.0
            198.17.255.255
            198.20.0.0
            198.51.99.255
            198.51.101.0
            203.0.112.255
            203.0.114.0
            223.255.255.255
            8.8.8.8
            93.184.215.14
            """)
    void publicIpv4(String literal) {
        assertThat(AddressPolicy.internalRange(address(literal))).isEmpty();
        assertThat(AddressPolicy.isPublic(address(literal))).isTrue();
    }

    @ParameterizedTest(name = "{0} is internal: {1}")
    @DisplayName("Security: IPv6 loopback, unique-local (fd00:ec2::254), link-local, NAT64, 6to4, Teredo, documentation and the rest outside global unicast are refused")
    @CsvSource(delimiter = '|', textBlock = """
            ::                                        | unspecified
            ::1                                       | loopback (::1)
            ::2                                       | IPv4-compatible
            ::7f00:1                                  | IPv4-compatible
            ::808:808                                 | IPv4-compatible
            ::ffff:ffff                               | IPv4-compatible
            64:ff9b::                                 | NAT64 (64:ff9b::/96)
            64:ff9b::7f00:1                           | NAT64 (64:ff9b::/96)
            64:ff9b::a9fe:a9fe                        | NAT64 (64:ff9b::/96)
            64:ff9b::ffff:ffff                        | NAT64 (64:ff9b::/96)
            64:ff9b:1::                               | local-use NAT64
            64:ff9b:1:ffff:ffff:ffff:ffff:ffff        | local-use NAT64
            100::                                     | discard-only
            100::ffff:ffff:ffff:ffff                  | discard-only
            fc00::                                    | unique-local
            fd00:ec2::254                             | unique-local
            fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | unique-local
            fe80::                                    | link-local (fe80::/10)
            fe80::1                                   | link-local (fe80::/10)
            febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | link-local (fe80::/10)
            fec0::                                    | site-local
            feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | site-local
            ff00::                                    | multicast (ff00::/8)
            ff02::1                                   | multicast (ff00::/8)
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | multicast (ff00::/8)
            1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | not global unicast
            4000::                                    | not global unicast
            fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | not global unicast
            fe00::                                    | not global unicast
            64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff     | not global unicast
            2001::                                    | protocol assignments and Teredo
            2001:0:4136:e378:8000:63bf:3fff:fdd2      | protocol assignments and Teredo
            2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff    | protocol assignments and Teredo
            2001:db8::                                | documentation (2001:db8::/32)
            2001:db8:ffff:ffff:ffff:ffff:ffff:ffff    | documentation (2001:db8::/32)
            2002::                                    | 6to4
            2002:7f00:1::                             | 6to4
            2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff   | 6to4
            3fff::                                    | documentation (3fff::/20)
            3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff    | documentation (3fff::/20)
            """)
    void internalIpv6(String literal, String range) {
        assertThat(AddressPolicy.internalRange(ipv6(literal))).hasValueSatisfying(name -> assertThat(name).contains(range));
    }

    @ParameterizedTest(name = "{0} is public")
    @DisplayName("Security: global unicast IPv6 just outside each internal range is public")
    @CsvSource(textBlock = """
            2000::
            2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            2001:200::
            2001:db7:ffff:ffff:ffff:ffff:ffff:ffff
            2001:db9::
            2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            2003::
            3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            3fff:1000::
            3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff
            2606:4700:4700::1111
            2a00:1450:4001:82f::200e
            """)
    void publicIpv6(String literal) {
        assertThat(AddressPolicy.internalRange(ipv6(literal))).isEmpty();
    }

    @ParameterizedTest(name = "::ffff:{0} is internal: {1}")
    @DisplayName("Security: an IPv4-mapped IPv6 address of an internal address is refused like the address it carries")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1         | IPv4-mapped loopback
            10.0.0.1          | IPv4-mapped private
            169.254.169.254   | IPv4-mapped link-local
            100.64.0.1        | IPv4-mapped carrier-grade NAT
            0.0.0.0           | IPv4-mapped this network
            198.18.0.1        | IPv4-mapped benchmarking
            255.255.255.255   | IPv4-mapped reserved and broadcast
            """)
    void ipv4MappedInternal(String ipv4, String range) {
        InetAddress mapped = ipv6("::ffff:" + ipv4);
        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.internalRange(mapped)).hasValueSatisfying(name -> assertThat(name).startsWith(range));
    }

    @Test
    @DisplayName("Security: an IPv4-mapped IPv6 address of a public address is as public as that address")
    void ipv4MappedPublic() {
        assertThat(AddressPolicy.internalRange(ipv6("::ffff:8.8.8.8"))).isEmpty();
        assertThat(AddressPolicy.internalRange(ipv6("::ffff:100.128.0.0"))).isEmpty();
        // the edges of the mapped block: one below is IPv4-compatible, one above is outside ::/96 altogether
        assertThat(AddressPolicy.internalRange(ipv6("::fffe:ffff:ffff"))).hasValueSatisfying(name -> assertThat(name).contains("not global unicast"));
        assertThat(AddressPolicy.internalRange(ipv6("::1:0:0:0"))).hasValueSatisfying(name -> assertThat(name).contains("not global unicast"));
    }

    @Test
    @DisplayName("Security: the JDK's own forms of loopback and mapped addresses are caught whatever class they arrive in")
    void jdkForms() {
        // InetAddress turns ::ffff:127.0.0.1 into 127.0.0.1; a resolver may hand over either form
        assertThat(AddressPolicy.isPublic(address("::ffff:127.0.0.1"))).isFalse();
        assertThat(AddressPolicy.isPublic(address("localhost"))).isFalse();
        assertThat(AddressPolicy.isPublic(InetAddress.getLoopbackAddress())).isFalse();
        assertThat(AddressPolicy.isPublic(address("::1"))).isFalse();
    }
}
