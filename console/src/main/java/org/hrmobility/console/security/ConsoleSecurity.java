package org.hrmobility.console.security;

import java.net.URI;

import org.hrmobility.console.ConsoleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The console as a backend-for-frontend: an OAuth2 client that logs the person in at the identity provider
 * (authorization code with PKCE, as the public client {@code hrm-web}), keeps the tokens in the server-side session
 * ({@link WebSessionServerOAuth2AuthorizedClientRepository}) and calls the gateway with the person's access token.
 * The browser holds only the session cookie (HttpOnly, Secure, SameSite=Lax: application.yml). Every form carries
 * Spring Security's CSRF token, htmx sends it as a header. Logout ends the console's session and, by OpenID Connect
 * RP-initiated logout, the identity provider's.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ConsoleSecurity {

    /** Where an unauthenticated person is sent: the authorization request, which redirects to the login page. */
    static final String LOGIN = "/oauth2/authorization/" + Registrations.ID;
    static final String HOME = "/console";
    static final String SIGNED_OUT = "/console/signed-out";

    @Bean
    SecurityWebFilterChain consoleSecurityFilterChain(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                                      ServerOAuth2AuthorizedClientRepository authorizedClients,
                                                      ConsoleSettings settings) {
        WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
        // only page requests are remembered for after the login: not a stream, a fragment or an asset
        requestCache.setSaveRequestMatcher(new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/console", "/console/**"),
                notHtmx(),
                htmlOnly()));
        RedirectServerAuthenticationSuccessHandler success = new RedirectServerAuthenticationSuccessHandler(HOME);
        success.setRequestCache(requestCache);
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/console/assets/**", "/console/webjars/**",
                                SIGNED_OUT, "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> login
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(success)
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGNED_OUT + "?error")))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint()))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(providerLogout(registrations, settings)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(settings)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Scripts, styles and images only from the console itself (no CDN, nothing inline); forms post to the console,
     * and the logout form's redirect goes on to the identity provider, which the browser checks against form-action.
     */
    static String contentSecurityPolicy(ConsoleSettings settings) {
        String provider = URI.create(settings.issuer()).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + provider;
    }

    /** A page request goes to the login; an htmx request is told where to go; anything else gets 401. */
    private static ServerAuthenticationEntryPoint entryPoint() {
        RedirectServerAuthenticationEntryPoint redirect = new RedirectServerAuthenticationEntryPoint(LOGIN);
        return (exchange, ex) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            if (headers.containsHeader("HX-Request")) {
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                exchange.getResponse().getHeaders().set("HX-Redirect", LOGIN);
                return exchange.getResponse().setComplete();
            }
            if (headers.getAccept().contains(MediaType.TEXT_EVENT_STREAM)) {
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return exchange.getResponse().setComplete();
            }
            return redirect.commence(exchange, ex);
        };
    }

    private static ServerWebExchangeMatcher notHtmx() {
        return exchange -> exchange.getRequest().getHeaders().containsHeader("HX-Request")
                ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
    }

    private static MediaTypeServerWebExchangeMatcher htmlOnly() {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        return html;
    }

    private static OidcClientInitiatedServerLogoutSuccessHandler providerLogout(ReactiveClientRegistrationRepository registrations,
                                                                                 ConsoleSettings settings) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        if (!settings.postLogoutRedirectUri().isBlank()) {
            handler.setPostLogoutRedirectUri(settings.postLogoutRedirectUri());
        }
        // a provider without an end_session_endpoint: the console's own page
        handler.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
        return handler;
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(ConsoleSettings settings) {
        return new Registrations(settings);
    }

    /** The tokens live in the person's WebSession, never in the browser and never shared between sessions. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** The gateway, called with the signed-in person's access token. */
    @Bean
    WebClient gatewayClient(ReactiveOAuth2AuthorizedClientManager manager, ConsoleSettings settings) {
        ServerOAuth2AuthorizedClientExchangeFilterFunction oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(Registrations.ID);
        return WebClient.builder().baseUrl(settings.gatewayUrl()).filter(oauth).build();
    }
}
