package org.hrmobility.websecurity;

import java.util.function.Predicate;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its header check done code point by code point: the same rule as its
 * default pattern ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: assigned, not a control character), which a profile
 * showed at an eighth of the gateway's CPU when run as a regular expression over a bearer token.
 */
public final class HeaderFirewall {

    static final Predicate<String> ASSIGNED_NOT_CONTROL = value -> value == null || value.codePoints()
            .allMatch(cp -> Character.isDefined(cp) && !Character.isISOControl(cp));

    private HeaderFirewall() {
    }

    public static StrictServerWebExchangeFirewall strict() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_NOT_CONTROL);
        firewall.setAllowedHeaderValues(ASSIGNED_NOT_CONTROL);
        return firewall;
    }
}
