package org.hrmobility.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hrm.gateway.address.*}: the limit per client address, in front of the token check.
 *
 * @param requestsPerSecond sustained charged requests per second per address ({@code HRM_GATEWAY_ADDRESS_REQUESTSPERSECOND})
 * @param burst             charged requests at once per address ({@code HRM_GATEWAY_ADDRESS_BURST})
 * @param trustedProxies    addresses or CIDR ranges of the proxies in front of the gateway (an ingress, a load balancer)
 *                          whose {@code X-Forwarded-For} names the client ({@code HRM_GATEWAY_ADDRESS_TRUSTEDPROXIES},
 *                          comma-separated); empty: the connection's address is the client's, the header is ignored
 * @param maxAddresses      addresses remembered at once, the least recently seen forgotten first
 *                          ({@code HRM_GATEWAY_ADDRESS_MAXADDRESSES})
 */
@ConfigurationProperties("hrm.gateway.address")
public record AddressLimitSettings(@DefaultValue("20") int requestsPerSecond,
                                   @DefaultValue("40") int burst,
                                   @DefaultValue List<String> trustedProxies,
                                   @DefaultValue("100000") int maxAddresses) {

    public AddressLimitSettings {
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (requestsPerSecond < 1 || burst < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("hrm.gateway.address.requests-per-second, burst and max-addresses must be positive");
        }
    }
}
