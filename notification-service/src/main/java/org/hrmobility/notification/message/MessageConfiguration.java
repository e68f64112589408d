package org.hrmobility.notification.message;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    @Bean
    Templates templates() {
        return Templates.load();
    }
}
