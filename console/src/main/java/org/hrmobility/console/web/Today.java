package org.hrmobility.console.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Calendar days are Brussels days, as in the services. */
@Configuration(proxyBeanMethods = false)
public class Today {

    @Bean
    Clock clock() {
        return Clock.system(Fmt.BRUSSELS);
    }

    public static LocalDate of(Clock clock) {
        return LocalDate.now(clock);
    }
}
