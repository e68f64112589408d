package org.hrmobility.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public internet addresses only. Everything a subscriber could use to
 * reach the administration's own network, the cloud's metadata service or this host is internal:
 * <ul>
 *   <li>IPv4: 0.0.0.0/8, 10/8, 100.64/10 (carrier-grade NAT), 127/8, 169.254/16 (link-local, cloud metadata),
 *       172.16/12, 192.0.0/24, the documentation nets 192.0.2/24, 198.51.100/24, 203.0.113/24, 192.88.99/24 (6to4
 *       relays), 192.168/16, 198.18/15 (benchmarking), 224/4 (multicast) and 240/4 (reserved, broadcast);</li>
 *   <li>IPv6: only global unicast (2000::/3) is public, less 2001::/23 (protocol assignments, Teredo), 2001:db8::/32
 *       and 3fff::/20 (documentation) and 2002::/16 (6to4, which embeds any IPv4 address). Outside 2000::/3 lie the
 *       unspecified and loopback addresses, IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, discard-only
 *       100::/64, unique-local fc00::/7 (with fd00:ec2::254, a cloud metadata address), link-local fe80::/10,
 *       site-local fec0::/10 and multicast ff00::/8;</li>
 *   <li>an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it carries.</li>
 * </ul>
 * Classifying by prefix, not by {@link InetAddress#isSiteLocalAddress()} and its kin: those know neither
 * unique-local, carrier-grade NAT, NAT64 nor mapped forms.
 */
final class AddressPolicy {

    private record Block(byte[] prefix, int bits, String name) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0", 8, "this network (0.0.0.0/8)"),
            block("10.0.0.0", 8, "private (10.0.0.0/8)"),
            block("100.64.0.0", 10, "carrier-grade NAT (100.64.0.0/10)"),
            block("127.0.0.0", 8, "loopback (127.0.0.0/8)"),
            block("169.254.0.0", 16, "link-local (169.254.0.0/16)"),
            block("172.16.0.0", 12, "private (172.16.0.0/12)"),
            block("192.0.0.0", 24, "protocol assignments (192.0.0.0/24)"),
            block("192.0.2.0", 24, "documentation (192.0.2.0/24)"),
            block("192.88.99.0", 24, "6to4 relay (192.88.99.0/24)"),
            block("192.168.0.0", 16, "private (192.168.0.0/16)"),
            block("198.18.0.0", 15, "benchmarking (198.18.0.0/15)"),
            block("198.51.100.0", 24, "documentation (198.51.100.0/24)"),
            block("203.0.113.0", 24, "documentation (203.0.113.0/24)"),
            block("224.0.0.0", 4, "multicast (224.0.0.0/4)"),
            block("240.0.0.0", 4, "reserved and broadcast (240.0.0.0/4)"));

    private static final Block IPV4_MAPPED = block("::ffff:0:0", 96, "IPv4-mapped (::ffff:0:0/96)");
    private static final Block GLOBAL_UNICAST = block("2000::", 3, "global unicast (2000::/3)");

    /** Inside 2000::/3 but not public. */
    private static final List<Block> IPV6_IN_GLOBAL = List.of(
            block("2001::", 23, "protocol assignments and Teredo (2001::/23)"),
            block("2001:db8::", 32, "documentation (2001:db8::/32)"),
            block("2002::", 16, "6to4 (2002::/16)"),
            block("3fff::", 20, "documentation (3fff::/20)"));

    /** Outside 2000::/3, named for the log; anything else there is "not global unicast". */
    private static final List<Block> IPV6_NAMED = List.of(
            block("::", 128, "unspecified (::)"),
            block("::1", 128, "loopback (::1)"),
            block("::", 96, "IPv4-compatible (::/96)"),
            block("64:ff9b::", 96, "NAT64 (64:ff9b::/96)"),
            block("64:ff9b:1::", 48, "local-use NAT64 (64:ff9b:1::/48)"),
            block("100::", 64, "discard-only (100::/64)"),
            block("fc00::", 7, "unique-local (fc00::/7)"),
            block("fe80::", 10, "link-local (fe80::/10)"),
            block("fec0::", 10, "site-local (fec0::/10)"),
            block("ff00::", 8, "multicast (ff00::/8)"));

    private AddressPolicy() {
    }

    static boolean isPublic(InetAddress address) {
        return internalRange(address).isEmpty();
    }

    /** The internal range this address lies in, or empty when it is a public internet address. */
    static Optional<String> internalRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        if (!(address instanceof Inet6Address) || bytes.length != 16) {
            return Optional.of("unknown address family");
        }
        if (IPV4_MAPPED.contains(bytes)) {
            byte[] embedded = new byte[4];
            System.arraycopy(bytes, 12, embedded, 0, 4);
            return ipv4(embedded).map(range -> "IPv4-mapped " + range);
        }
        if (GLOBAL_UNICAST.contains(bytes)) {
            return first(IPV6_IN_GLOBAL, bytes);
        }
        // the most specific name first: ::1 is loopback before it is IPv4-compatible
        for (Block block : IPV6_NAMED) {
            if (block.bits() == 128 && block.contains(bytes)) {
                return Optional.of(block.name());
            }
        }
        return Optional.of(first(IPV6_NAMED, bytes).orElse("not global unicast (outside 2000::/3)"));
    }

    private static Optional<String> ipv4(byte[] bytes) {
        return first(IPV4, bytes);
    }

    private static Optional<String> first(List<Block> blocks, byte[] bytes) {
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return Optional.of(block.name());
            }
        }
        return Optional.empty();
    }

    private static Block block(String literal, int bits, String name) {
        try {
            byte[] prefix = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && prefix.length == 4) {
                // ::ffff:0:0 reads back as an IPv4 address; the block is the IPv6 prefix
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(prefix, 0, v6, 12, 4);
                prefix = v6;
            }
            return new Block(prefix, bits, name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
