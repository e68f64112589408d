package org.hrmobility.console.security;

import java.time.Duration;

import org.hrmobility.console.ConsoleSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's one client registration, {@value #ID}: a public client (no secret, so Spring Security adds PKCE)
 * whose endpoints come from the issuer's OpenID metadata, read at the first login rather than at start, so the
 * console starts before (or without) the identity provider. A failed read is not kept: the next login tries again.
 * The metadata also names the provider's {@code end_session_endpoint}, which logout uses.
 */
final class Registrations implements ReactiveClientRegistrationRepository {

    static final String ID = "hrm";

    private final Mono<ClientRegistration> registration;

    Registrations(ConsoleSettings settings) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(settings.issuer())
                        .registrationId(ID)
                        .clientId(settings.clientId())
                        .clientSecret(null)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        // {baseUrl} is the address the browser used: the gateway's, from its X-Forwarded-* headers
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(settings.scopes())
                        .userNameAttributeName("sub")
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(found -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? registration : Mono.empty();
    }
}
