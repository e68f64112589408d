package org.hrmobility.gateway.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, as a limit's key: the connection's peer; when that peer is a trusted proxy,
 * the nearest address in {@code X-Forwarded-For} (read from the right, as each proxy appends the one it saw) that
 * is not a trusted proxy. A client's own {@code X-Forwarded-For} counts for nothing: the proxy appends the client's
 * real address after it. An IPv6 address counts by its /64 network, which one subscriber holds whole.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Range> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Range::parse).toList();
    }

    String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress client = remote == null ? null : remote.getAddress();
        if (client == null) {
            return "unknown";
        }
        if (trusted.isEmpty() || !isTrusted(client)) {
            return key(client);
        }
        List<String> hops = hops(request.getHeaders().getValuesAsList(FORWARDED_FOR));
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An address or a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). */
    record Range(byte[] network, int bits) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an address or CIDR range (names are not looked up): " + text);
            }
            int max = address.getAddress().length * 8;
            int bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1).trim());
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("Not a CIDR range: " + text);
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }
    }

    private static List<String> hops(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /** An IP literal (IPv4, IPv6, bracketed, with a port or not), never a name to look up; else null. */
    static InetAddress literal(String value) {
        String text = value.trim();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':') && text.indexOf('.') > 0) {
            text = text.substring(0, text.indexOf(':')); // 192.0.2.1:4711
        }
        if (text.isEmpty() || text.length() > 45 || !(isIpv4(text) || isIpv6(text))) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String text) {
        return text.indexOf(':') >= 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }

    /** IPv4 as is; IPv6 by its /64. */
    static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                return address.getHostAddress();
            }
        }
        return address.getHostAddress();
    }
}
