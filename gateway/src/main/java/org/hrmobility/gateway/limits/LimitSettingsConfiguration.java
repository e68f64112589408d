package org.hrmobility.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The limits' own settings, beside {@code hrm.gateway.*}'s. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AddressLimitSettings.class, StreamLimitSettings.class})
class LimitSettingsConfiguration {
}
