package org.hrmobility.mobility;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Secondments, international mobility calls and applications, inbound transfers, the talent marketplace and heavier-duty allowances. */
@SpringBootApplication
public class MobilityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobilityServiceApplication.class, args);
    }
}
