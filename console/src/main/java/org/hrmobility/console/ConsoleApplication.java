package org.hrmobility.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web console: server-rendered pages for case handlers, line managers, employees and HR business partners. It is
 * a backend-for-frontend: the browser holds only a session cookie; the tokens stay in the server-side session and
 * every call to the suite goes through the gateway with the person's own access token.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
