package org.hrmobility.redeployment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Redeployment cases, admissibility, offers with placement ex officio on the third, vacancies. */
@SpringBootApplication
public class RedeploymentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedeploymentServiceApplication.class, args);
    }
}
