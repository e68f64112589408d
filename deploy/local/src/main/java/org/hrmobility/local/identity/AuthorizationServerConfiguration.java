package org.hrmobility.local.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The OAuth2 and OIDC endpoints, with the password grant of the local run added (never in production). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
                                            UserDetailsService users, OAuth2AuthorizationService authorizations,
                                            OAuth2TokenGenerator<?> tokens, IdentitySettings settings) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    if (settings.passwordGrant()) {
                        server.clientAuthentication(client -> client
                                        .authenticationConverter(new PasswordGrant.EmptySecretClientConverter())
                                        .authenticationProvider(new PasswordGrant.EmptySecretClientProvider(clients)))
                                .tokenEndpoint(token -> token
                                        .accessTokenRequestConverter(new PasswordGrant.RequestConverter())
                                        .authenticationProvider(new PasswordGrant.Provider(users, authorizations, tokens)));
                    }
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /** The login page for browsers, and the health probes. */
    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    IdentitySettings identitySettings(DemoUsers demo, Environment env) {
        return IdentitySettings.of(demo, env);
    }

    @Bean
    MachineClients machineClients(DemoUsers demo, IdentitySettings settings) {
        return new MachineClients(demo.recruitmentClientSecret(), settings.passwordGrant(), demo.publicUrl());
    }

    @Bean
    RegisteredClientRepository registeredClients(MachineClients clients) {
        return clients.repository();
    }

    @Bean
    OAuth2AuthorizationService authorizations(RegisteredClientRepository clients) {
        return new InMemoryOAuth2AuthorizationService();
    }

    /** Users log in with their configured (encoded) password; demo users, on a developer's machine, with their username. */
    @Bean
    UserDetailsService users(DemoUsers demo) {
        return new InMemoryUserDetailsManager(demo.users().stream()
                .map(u -> User.withUsername(u.username()).password(u.storedPassword())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(DemoUsers demo) {
        return AuthorizationServerSettings.builder().issuer(demo.issuer()).build();
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, DemoUsers demo, MachineClients clients) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(new HrmTokenClaims(demo, clients));
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), new OAuth2RefreshTokenGenerator());
    }

    /** The signing key: from {@code hrm.identity.key-file} (an RSA JWK with its private part), else generated now. */
    @Bean
    JWKSource<SecurityContext> signingKeys(DemoUsers demo) {
        RSAKey key = demo.keyFile() == null || demo.keyFile().isBlank() ? generated() : fromFile(Path.of(demo.keyFile()));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey fromFile(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds a public key only; the identity provider signs, it needs the private part");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK: " + e.getMessage(), e);
        }
    }
}
