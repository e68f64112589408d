package org.hrmobility.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * Which webhook endpoints may be called: an absolute http(s) URL with a host, and, unless
 * {@code allow-private-addresses} is set (a local run, tests), not an address inside the administration's own
 * network (loopback, private, link-local, multicast): a subscriber must not make this service probe the
 * services behind the gateway.
 */
@Component
class Endpoints {

    private final boolean allowPrivate;

    Endpoints(NotificationSettings settings) {
        this.allowPrivate = settings.webhooks().allowPrivateAddresses();
    }

    void check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(url + " is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw refused(url + " is not an absolute http or https URL with a host.");
        }
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    throw refused(uri.getHost() + " is an internal address; webhooks go to endpoints outside the network.");
                }
            }
        } catch (UnknownHostException e) {
            throw refused("The host " + uri.getHost() + " is unknown.");
        }
    }

    private static BadRequestException refused(String detail) {
        return new BadRequestException("webhook-endpoint-refused", "Webhook endpoint refused", detail);
    }
}
