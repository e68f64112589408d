package org.hrmobility.local.identity;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the suite's services read from an access token: audience {@code hrm-api}, {@code employee_id},
 * {@code name}, {@code entity} and {@code roles} for a person; for a machine client its roles only.
 */
final class HrmTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE = "hrm-api";

    private final DemoUsers users;
    private final MachineClients clients;

    HrmTokenClaims(DemoUsers users, MachineClients clients) {
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(List.of(AUDIENCE));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim("roles", clients.roles(context.getRegisteredClient().getClientId()));
            return;
        }
        users.find(context.getPrincipal().getName()).ifPresent(user -> {
            JwtClaimsSet.Builder claims = context.getClaims();
            claims.claim("roles", user.roles());
            claimIfPresent(claims, "employee_id", user.employeeId());
            claimIfPresent(claims, "name", user.name());
            claimIfPresent(claims, "entity", user.entity());
        });
    }

    /** An operator has no employee id or entity: absent claims are left out, never written as null. */
    private static void claimIfPresent(JwtClaimsSet.Builder claims, String name, String value) {
        if (value != null) {
            claims.claim(name, value);
        }
    }
}
