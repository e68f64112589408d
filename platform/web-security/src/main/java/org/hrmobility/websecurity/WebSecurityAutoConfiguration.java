package org.hrmobility.websecurity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.util.StringUtils;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;

/**
 * For every reactive entry point of the suite (gateway and services):
 * <ul>
 * <li>the JWT decoder of {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, as Spring Boot would make it
 * (algorithms, audiences, issuer, every {@link OAuth2TokenValidator} bean), but on a {@link RemoteJwkSet}: the set
 * refreshed on a schedule, removed keys dropped, unknown key ids fetching it at most once per interval;</li>
 * <li>{@link TokenRules}: a token must expire, and its {@code typ} (when set) must be an access token's;</li>
 * <li>every JWT decoder behind {@link VerifiedTokens};</li>
 * <li>the {@link HeaderFirewall}.</li>
 * </ul>
 * Each security chain reads its bearer tokens with {@link BearerTokens}.
 */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({TokenSettings.class, OAuth2ResourceServerProperties.class})
public class WebSecurityAutoConfiguration {

    /** Tokens remembered at once: the people and systems active in a few minutes, a few KiB each. */
    static final int CAPACITY = 2_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    @Bean
    static BeanPostProcessor verifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens) ? remembering(decoder) : bean;
            }
        };
    }

    /** Boot adds every validator bean to its decoder, and so does {@link KeySetDecoder}. */
    @Bean
    OAuth2TokenValidator<Jwt> hrmExpiryRequired() {
        return TokenRules.expiryRequired();
    }

    @Bean
    OAuth2TokenValidator<Jwt> hrmTokenTypes(TokenSettings settings) {
        return TokenRules.types(settings.tokenTypes());
    }

    @Bean
    @ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
    ServerWebExchangeFirewall headerFirewall() {
        return HeaderFirewall.strict();
    }

    /** In place of Spring Boot's decoder for a JWK-set URI (so ordered before its auto-configuration). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "spring.security.oauth2.resourceserver.jwt", name = "jwk-set-uri")
    @ConditionalOnMissingBean(ReactiveJwtDecoder.class)
    static class KeySetDecoder {

        @Bean
        RemoteJwkSet hrmJwkSet(OAuth2ResourceServerProperties properties, TokenSettings settings) {
            return new RemoteJwkSet(properties.getJwt().getJwkSetUri(), settings.jwkSetRefresh(), settings.unknownKeyRefetch(),
                    settings.jwkSetTimeout());
        }

        @Bean
        ReactiveJwtDecoder jwtDecoder(RemoteJwkSet keys, OAuth2ResourceServerProperties properties,
                                      ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
            OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
            VerifiedTokens decoder = remembering(decoder(keys, algorithms(jwt.getJwsAlgorithms()),
                    validator(jwt.getAudiences(), jwt.getIssuerUri(), validators.orderedStream().toList())));
            keys.onKeysRemoved(decoder::forgetKeys);
            return decoder;
        }
    }

    static VerifiedTokens remembering(ReactiveJwtDecoder decoder) {
        return new VerifiedTokens(decoder, CAPACITY, MAX_AGE, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** Nimbus's processor with the expected algorithms, the keys from {@code keys}, and the validator. */
    static NimbusReactiveJwtDecoder decoder(RemoteJwkSet keys, Set<JWSAlgorithm> algorithms, OAuth2TokenValidator<Jwt> validator) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(algorithms, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** As Spring Boot: audience and issuer from the properties, the validator beans, then Spring's defaults. */
    static OAuth2TokenValidator<Jwt> validator(List<String> audiences, String issuerUri, List<OAuth2TokenValidator<Jwt>> beans) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        if (StringUtils.hasText(issuerUri)) {
            validators.add(new JwtIssuerValidator(issuerUri));
        }
        validators.addAll(beans);
        return validators.isEmpty() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithValidators(validators);
    }

    static Set<JWSAlgorithm> algorithms(List<String> names) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names == null || names.isEmpty() ? List.of("RS256") : names) {
            if (SignatureAlgorithm.from(name) == null) {
                throw new IllegalArgumentException("spring.security.oauth2.resourceserver.jwt.jws-algorithms: unknown algorithm " + name);
            }
            algorithms.add(JWSAlgorithm.parse(name));
        }
        return algorithms;
    }
}
