package org.hrmobility.local.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The development-only resource-owner password grant, so a script gets a demo user's token with one call:
 * {@code curl -s -u hrm-cli: -d grant_type=password -d username=hana -d password=hana http://localhost:9000/oauth2/token}.
 * OAuth 2.1 dropped this grant and Spring Authorization Server does not ship it; it exists only in the local
 * run's identity provider. Tokens come from the same generator as every other grant, with the same claims.
 */
final class PasswordGrant {

    static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");

    private PasswordGrant() {
    }

    /** {@code Authorization: Basic base64("hrm-cli:")}: a client id with an empty secret, for this grant only. */
    static final class EmptySecretClientConverter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                return null;
            }
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon != decoded.length() - 1) {
                return null;
            }
            String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null,
                    Map.of(OAuth2ParameterNames.GRANT_TYPE, TYPE.getValue()));
        }
    }

    /** Accepts a public client registered for the password grant; every other client authenticates as usual. */
    static final class EmptySecretClientProvider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        EmptySecretClientProvider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
            if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
                    || !TYPE.getValue().equals(token.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
                return null;
            }
            RegisteredClient client = clients.findByClientId((String) token.getPrincipal());
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                    || !client.getAuthorizationGrantTypes().contains(TYPE)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> type) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(type);
        }
    }

    static final class Request extends OAuth2AuthorizationGrantAuthenticationToken {

        private final String username;
        private final transient String password;
        private final Set<String> scopes;

        Request(Authentication client, String username, String password, Set<String> scopes) {
            super(TYPE, client, new HashMap<>());
            this.username = username;
            this.password = password;
            this.scopes = scopes;
        }
    }

    static final class RequestConverter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            if (!TYPE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
                return null;
            }
            String username = request.getParameter("username");
            String password = request.getParameter("password");
            if (username == null || password == null) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "username and password are required", null));
            }
            String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
            Set<String> scopes = scope == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
            return new Request(SecurityContextHolder.getContext().getAuthentication(), username, password, scopes);
        }
    }

    static final class Provider implements AuthenticationProvider {

        private final DaoAuthenticationProvider users;
        private final OAuth2AuthorizationService authorizations;
        private final OAuth2TokenGenerator<?> tokens;

        Provider(UserDetailsService userDetails, OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<?> tokens) {
            this.users = new DaoAuthenticationProvider(userDetails);
            this.authorizations = authorizations;
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Request request = (Request) authentication;
            if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken clientToken) || !clientToken.isAuthenticated()) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
            RegisteredClient client = clientToken.getRegisteredClient();
            if (!client.getAuthorizationGrantTypes().contains(TYPE)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
            }
            Authentication user;
            try {
                user = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username, request.password));
            } catch (AuthenticationException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "Bad credentials", null));
            }
            Set<String> scopes = request.scopes.isEmpty() ? client.getScopes() : request.scopes;
            if (!client.getScopes().containsAll(scopes)) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
            }
            OAuth2Token generated = tokens.generate(DefaultOAuth2TokenContext.builder()
                    .registeredClient(client).principal(user)
                    .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                    .authorizedScopes(scopes).tokenType(OAuth2TokenType.ACCESS_TOKEN)
                    .authorizationGrantType(TYPE).authorizationGrant(request).build());
            if (generated == null) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
            }
            OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                    generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
            OAuth2Authorization.Builder authorization = OAuth2Authorization.withRegisteredClient(client)
                    .principalName(user.getName()).authorizationGrantType(TYPE).authorizedScopes(scopes)
                    .attribute(Principal.class.getName(), user);
            if (generated instanceof ClaimAccessor claims) {
                authorization.token(accessToken, m -> m.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims()));
            } else {
                authorization.accessToken(accessToken);
            }
            authorizations.save(authorization.build());
            return new OAuth2AccessTokenAuthenticationToken(client, clientToken, accessToken);
        }

        @Override
        public boolean supports(Class<?> type) {
            return Request.class.isAssignableFrom(type);
        }
    }
}
