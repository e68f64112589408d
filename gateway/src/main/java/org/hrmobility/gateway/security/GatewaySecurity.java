package org.hrmobility.gateway.security;

import java.util.Collection;
import java.util.List;

import org.hrmobility.gateway.GatewaySettings;
import org.hrmobility.gateway.problem.Problems;
import org.hrmobility.websecurity.BearerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway checks every token before routing (signature, issuer, audience {@code hrm-api}, expiry) and the
 * coarse role of each route; the services check again, and check objects (defence in depth). 401 and 403 are
 * problem+json. CORS lets the configured browser origins call the API with a bearer token. The web console's paths
 * pass without a token: the console is an OAuth2 client with its own session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

    static final String[] PUBLIC_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    /** The console's pages and login paths (the same as its routes'), which the console secures itself. */
    static final String[] CONSOLE_PATHS = {"/console", "/console/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout"};

    /**
     * Spring Security's own observations (a timer and span per filter chain, authentication and authorization) off at
     * the gateway: each request is already one observation ({@code http.server.requests}) and one per route, and at the
     * edge, where a request's own work is small, they took about a tenth of its CPU (docs/performance.md, "The
     * gateway's own cost"). The services keep theirs.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewaySettings settings) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .cors(cors -> cors.configurationSource(cors(settings.corsOrigins())))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        // the web console authenticates with its own session (a cookie, never a token in the browser)
                        .pathMatchers(CONSOLE_PATHS).permitAll()
                        // the management port (when set apart) is the cluster's only: Prometheus scrapes it without a token
                        .matchers(new ManagementPort()).permitAll()
                        .pathMatchers("/actuator/**").hasRole("OPERATOR")
                        // R-RED-6: vacancies come from recruitment systems and case handlers
                        .pathMatchers("/api/redeployment/vacancies", "/api/redeployment/vacancies/**")
                        .hasAnyRole("RECRUITMENT_SYSTEM", "HR_CASE_HANDLER")
                        .pathMatchers("/api/notifications/webhooks", "/api/notifications/webhooks/**")
                        .hasAnyRole("RECRUITMENT_SYSTEM", "HR_CASE_HANDLER")
                        .pathMatchers("/api/privacy/**", "/api/*/privacy/**").hasRole("HR_CASE_HANDLER")
                        .pathMatchers("/api/*/figures", "/api/*/figures/**").hasAnyRole("HR_BUSINESS_PARTNER", "HR_CASE_HANDLER")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(GatewaySecurity::authentication)))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(forbidden()))
                .build();
    }

    /** The expected {@code iss}; Boot adds every validator bean to its JWT decoder, next to audience and expiry. */
    @Bean
    OAuth2TokenValidator<Jwt> issuerValidator(Environment env) {
        return new JwtIssuerValidator(env.getRequiredProperty("hrm.security.issuer"));
    }

    static JwtAuthenticationToken authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Collection<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", "Last-Event-ID",
                "X-Correlation-Id"));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, "X-Correlation-Id", HttpHeaders.RETRY_AFTER));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }

    private static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "A valid bearer token is required.");
        };
    }

    private static ServerAccessDeniedHandler forbidden() {
        return (exchange, ex) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this.");
    }
}
