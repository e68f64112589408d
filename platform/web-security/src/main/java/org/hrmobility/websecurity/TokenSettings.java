package org.hrmobility.websecurity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hrm.security.*}: how the entry points hold the identity provider's keys and tokens (the issuer,
 * {@code hrm.security.issuer}, is read where the issuer validator is made).
 *
 * @param jwkSetRefresh    how often the JWK set is fetched again; a key removed from it stops being accepted then
 *                         ({@code HRM_SECURITY_JWKSETREFRESH})
 * @param unknownKeyRefetch at most one extra fetch of the set per this interval for tokens naming a key id the set
 *                         does not have ({@code HRM_SECURITY_UNKNOWNKEYREFETCH})
 * @param jwkSetTimeout    how long a fetch of the set may take ({@code HRM_SECURITY_JWKSETTIMEOUT})
 * @param tokenTypes       the accepted JOSE {@code typ} values when a token has one, compared ignoring case
 *                         ({@code HRM_SECURITY_TOKENTYPES}); a token without {@code typ} is accepted
 */
@ConfigurationProperties("hrm.security")
public record TokenSettings(@DefaultValue("5m") Duration jwkSetRefresh,
                            @DefaultValue("30s") Duration unknownKeyRefetch,
                            @DefaultValue("5s") Duration jwkSetTimeout,
                            @DefaultValue({"JWT", "at+jwt", "application/at+jwt"}) List<String> tokenTypes) {

    public TokenSettings {
        tokenTypes = List.copyOf(tokenTypes);
    }
}
