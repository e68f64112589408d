package org.hrmobility.websecurity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;

/**
 * For every reactive entry point of the suite: Spring Boot's JWT decoder (its key set, issuer, audience and expiry
 * checks untouched) behind {@link VerifiedTokens}, and the {@link HeaderFirewall}. Each security chain reads its
 * bearer tokens with {@link BearerTokens}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebSecurityAutoConfiguration {

    /** Tokens remembered at once: the people and systems active in a few minutes, a few KiB each. */
    static final int CAPACITY = 2_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    @Bean
    static BeanPostProcessor verifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, CAPACITY, MAX_AGE, Clock.systemUTC()) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
    ServerWebExchangeFirewall headerFirewall() {
        return HeaderFirewall.strict();
    }
}
