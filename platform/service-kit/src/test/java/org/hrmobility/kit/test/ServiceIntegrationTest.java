package org.hrmobility.kit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hrmobility.devstack.DevstackInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service started whole on a random port, on the JVM's real Kafka and PostgreSQL (the devstack), trusting
 * {@link TestTokens}, with a {@link MovableClock}. Every integration test of a service uses exactly this, so Spring starts it once per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// plain-text logs in test output, for the people reading it; services log JSON lines when they run
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = {DevstackInitializer.class, TestTokens.Initializer.class})
@Import(MovableClock.Config.class)
public @interface ServiceIntegrationTest {
}
