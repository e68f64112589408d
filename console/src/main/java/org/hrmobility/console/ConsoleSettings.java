package org.hrmobility.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hrm.console.*}: where the gateway and the identity provider are, and how the console logs in.
 *
 * @param gatewayUrl            the gateway the console calls with the person's token ({@code HRM_GATEWAY_URL})
 * @param issuer                the identity provider; its OpenID metadata is read on the first login ({@code HRM_ISSUER})
 * @param clientId              the public client the console logs in as (authorization code with PKCE)
 * @param scopes                the scopes asked for
 * @param postLogoutRedirectUri where the identity provider sends the browser after logout; empty: the provider's own
 *                              page (the URI must be registered with the client, else the provider refuses the logout)
 */
@ConfigurationProperties("hrm.console")
public record ConsoleSettings(@DefaultValue("http://localhost:8080") String gatewayUrl,
                              @DefaultValue("http://localhost:9000") String issuer,
                              @DefaultValue("hrm-web") String clientId,
                              @DefaultValue({"openid", "profile", "hrm"}) List<String> scopes,
                              @DefaultValue("") String postLogoutRedirectUri) {

    public ConsoleSettings {
        gatewayUrl = stripSlash(gatewayUrl);
        issuer = stripSlash(issuer);
        scopes = List.copyOf(scopes);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
