package org.hrmobility.kit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service built on the kit, the way every real service is, for the kit's own integration tests.
 * It sits at the root of the kit's packages so that every test finds it; its beans are in {@code testapp}.
 */
@SpringBootApplication(scanBasePackages = "org.hrmobility.kit.testapp")
public class KitTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(KitTestApplication.class, args);
    }
}
