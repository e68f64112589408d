package org.hrmobility.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * Which webhook endpoints may be called, and where exactly a delivery connects.
 * <ul>
 *   <li>An endpoint is an absolute http(s) URL with a host and without user info.</li>
 *   <li>When {@code allowed-hosts} is set, its host must be one of them ({@code hooks.example.org}) or a subdomain of
 *       a wildcard entry ({@code *.example.org}).</li>
 *   <li>Unless {@code allow-private-addresses} is set (a local run, tests), every address its host resolves to must be
 *       public ({@link AddressPolicy}): a subscriber must not make this service call the services behind the
 *       gateway, the cloud's metadata service or this host.</li>
 * </ul>
 * Checked when subscribing, approving and renewing ({@link #check}, answering problems) and again before every
 * delivery ({@link #target}): the name is resolved then, every address checked, and the delivery connects to the
 * checked address itself, so a name that rebinds to an internal address after subscribing (or between two DNS
 * answers) gets nothing. A refused or unresolvable host answers the same, so the check tells a subscriber nothing of
 * the network's internal names.
 */
@Component
class Endpoints {

    /** Where one delivery goes: the URL's host (for the Host header and TLS), and the checked address to connect to. */
    record Target(String scheme, String host, int port, String pathAndQuery, InetAddress address) {

        boolean secure() {
            return "https".equals(scheme);
        }

        /** The Host header: the URL's host (bracketed when IPv6), and its port when not the scheme's default. */
        String hostHeader() {
            String name = host.contains(":") ? "[" + host + "]" : host;
            return port == (secure() ? 443 : 80) ? name : name + ":" + port;
        }
    }

    /** A delivery that must not be made; its reason is for the service's log, never for the subscriber. */
    static final class Refused extends Exception {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_ENTRY = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private final boolean allowPrivate;
    private final List<String> allowedHosts;
    private final HostResolver resolver;

    Endpoints(NotificationSettings settings, HostResolver resolver) {
        this.allowPrivate = settings.webhooks().allowPrivateAddresses();
        this.allowedHosts = allowedHosts(settings.webhooks().allowedHosts());
        this.resolver = resolver;
    }

    /** When subscribing, approving or renewing: answers a problem (400, or 403 for a host not on the list). */
    void check(String url) {
        URI uri = parse(url);
        String host = host(uri);
        if (!allowedHost(host)) {
            throw new ForbiddenException(null, "webhook-host-not-allowed", "Webhook host not allowed",
                    "Webhooks go only to the hosts the administration allows; " + host + " is not one of them.");
        }
        if (allowPrivate) {
            return;
        }
        try {
            resolvePublic(host);
        } catch (Refused e) {
            throw refused("The endpoint's host must resolve to public internet addresses only; " + host + " does not.");
        }
    }

    /**
     * Before a delivery: the URL checked again (the list may have changed), its host resolved now and every address
     * checked; the answer names the address to connect to. Throws {@link Refused} with the reason for the log.
     */
    Target target(String url) throws Refused {
        URI uri;
        try {
            uri = parse(url);
        } catch (BadRequestException e) {
            throw new Refused("not a usable URL");
        }
        String host = host(uri);
        if (!allowedHost(host)) {
            throw new Refused(host + " is not on the allowed hosts");
        }
        List<InetAddress> addresses = allowPrivate ? resolve(host) : resolvePublic(host);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(uri.getScheme(), host, port, pathAndQuery, addresses.get(0));
    }

    /** Every address of the host, each one public; a literal address is its own answer, no DNS asked. */
    private List<InetAddress> resolvePublic(String host) throws Refused {
        List<InetAddress> addresses = resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> internal = AddressPolicy.internalRange(address);
            if (internal.isPresent()) {
                throw new Refused(host + " resolves to " + address.getHostAddress() + ", " + internal.get());
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(String host) throws Refused {
        try {
            if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
                // a literal: parsed, never looked up
                return List.of(InetAddress.getByName(host));
            }
            List<InetAddress> addresses = resolver.resolve(host);
            if (addresses == null || addresses.isEmpty()) {
                throw new Refused(host + " has no address");
            }
            return List.copyOf(addresses);
        } catch (UnknownHostException e) {
            throw new Refused(host + " is unknown");
        }
    }

    private boolean allowedHost(String host) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        for (String entry : allowedHosts) {
            if (entry.startsWith("*.") ? host.endsWith(entry.substring(1)) : host.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(url + " is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw refused(url + " is not an absolute http or https URL with a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("A webhook URL carries no user name or password; receivers check the signature.");
        }
        return uri;
    }

    /** The host as compared and sent: lower case, without a trailing dot, IPv6 without brackets. */
    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static List<String> allowedHosts(List<String> configured) {
        return configured.stream().map(entry -> {
            String host = entry.trim().toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (!HOST_ENTRY.matcher(host).matches()) {
                throw new IllegalStateException("hrm.notification.webhooks.allowed-hosts: " + entry
                        + " is neither a host name nor *. and a domain");
            }
            return host;
        }).toList();
    }

    private static BadRequestException refused(String detail) {
        return new BadRequestException("webhook-endpoint-refused", "Webhook endpoint refused", detail);
    }
}
