package org.hrmobility.kit.security;

import java.util.Collection;

import org.hrmobility.kit.problem.Problem;
import org.hrmobility.kit.problem.ProblemWriter;
import org.hrmobility.websecurity.BearerTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every service is an OAuth2 resource server: a valid JWT (issuer, audience, expiry, signature) for everything
 * but health and the API description; metrics and the other actuator endpoints for operators only, except on the
 * management port ({@code management.server.port}), which serves health and metrics to the cluster without a token and
 * is not exposed outside it; roles from the {@code roles} claim; 401 and 403 as problem+json. Object-level checks are
 * each service's, with {@link AccessPolicy}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
public class SecurityAutoConfiguration {

    static final String[] PUBLIC_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};
    /** What the management port serves without a token: probes and metrics for the cluster's own scrapers. */
    static final String[] MANAGEMENT_PORT_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus"};

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain hrmSecurityFilterChain(ServerHttpSecurity http, Environment env) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(ManagementPort.of(env).serving(MANAGEMENT_PORT_PATHS)).permitAll()
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .pathMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(SecurityAutoConfiguration::authentication)))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    /**
     * The expected {@code iss} claim, checked whichever way the keys are found (JWK set, public key or issuer
     * discovery). Boot adds every {@link OAuth2TokenValidator} bean to its decoder.
     */
    @Bean
    @ConditionalOnProperty("hrm.security.issuer")
    OAuth2TokenValidator<Jwt> hrmIssuerValidator(Environment env) {
        return new JwtIssuerValidator(env.getRequiredProperty("hrm.security.issuer"));
    }

    /** With the production profile, refuses development settings (see {@link ProductionSettings}). */
    @Bean
    static org.springframework.beans.factory.config.BeanFactoryPostProcessor productionSettingsCheck(Environment env) {
        return beanFactory -> ProductionSettings.check(env);
    }

    @Bean
    WebFluxConfigurer currentUserArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CurrentUserArgumentResolver());
            }
        };
    }

    static JwtAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = CurrentUser.from(jwt).authorities().stream()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Unauthenticated", "A valid bearer token is required."));
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> ProblemWriter.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this."));
    }
}
