package org.hrmobility.local.identity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients of the local run:
 * <ul>
 *   <li>{@code hrm-web}: a browser client (the console), authorization code with PKCE, coming back to the public URL;</li>
 *   <li>{@code hrm-cli}: scripts, the development-only password grant ({@code curl -u hrm-cli: ...});</li>
 *   <li>{@code jobpunt} / {@code jobpunt-secret}: the recruitment system, client credentials, RECRUITMENT_SYSTEM.</li>
 * </ul>
 */
final class MachineClients {

    static final String RECRUITMENT_CLIENT = "jobpunt";

    private final String recruitmentSecret;
    private final boolean passwordGrant;
    private final String publicUrl;

    /**
     * @param recruitmentSecret the recruitment client's encoded secret, or null for the development one
     * @param passwordGrant     whether scripts may log in with a password ({@code hrm-cli}); never in production
     */
    MachineClients(String recruitmentSecret, boolean passwordGrant, String publicUrl) {
        this.publicUrl = publicUrl;
        this.recruitmentSecret = recruitmentSecret == null || recruitmentSecret.isBlank() ? "{noop}jobpunt-secret" : recruitmentSecret;
        this.passwordGrant = passwordGrant;
    }
    private static final TokenSettings ONE_HOUR = TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build();

    List<String> roles(String clientId) {
        return RECRUITMENT_CLIENT.equals(clientId) ? List.of("RECRUITMENT_SYSTEM") : List.of();
    }

    InMemoryRegisteredClientRepository repository() {
        RegisteredClient web = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("hrm-web")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(publicUrl + "/login/oauth2/code/hrm")
                .redirectUri("http://localhost:8080/login/oauth2/code/hrm")
                .redirectUri("http://localhost:3000/callback")
                .postLogoutRedirectUri(publicUrl + "/console/signed-out")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope("hrm")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(ONE_HOUR)
                .build();
        RegisteredClient cli = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("hrm-cli")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(PasswordGrant.TYPE)
                .scope("hrm")
                .tokenSettings(ONE_HOUR)
                .build();
        RegisteredClient jobpunt = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(RECRUITMENT_CLIENT)
                .clientSecret(recruitmentSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("hrm")
                .tokenSettings(ONE_HOUR)
                .build();
        return passwordGrant ? new InMemoryRegisteredClientRepository(web, cli, jobpunt)
                : new InMemoryRegisteredClientRepository(web, jobpunt);
    }
}
