package org.hrmobility.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves an endpoint's host name: the one place webhooks ask DNS. Production uses the system resolver (with its
 * cache, {@code networkaddress.cache.ttl}); tests put a resolver here whose answers change between subscribing and
 * delivering, as a rebinding name's do. Whatever it answers is checked, and the connection goes to exactly the
 * checked address: nothing downstream resolves the name again.
 */
@FunctionalInterface
interface HostResolver {

    /** The system's resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address of this host name; never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
