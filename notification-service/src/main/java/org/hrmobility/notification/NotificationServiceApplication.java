package org.hrmobility.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Inbox, live stream, e-mail and signed webhooks for every event that concerns someone. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
