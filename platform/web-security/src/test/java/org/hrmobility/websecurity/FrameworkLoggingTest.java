package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogMessage;

/**
 * Spring logs through the commons-logging API, most debug lines as a lazy {@link LogMessage}. Bound to SLF4J by
 * jcl-over-slf4j, a message below the logger's level is never rendered; commons-logging 1.3's own adapter rendered
 * every one (Spring Security's matchers write one per matcher per request) and threw it away.
 */
class FrameworkLoggingTest {

    @Test
    void aMessageBelowTheLevelIsNeverRendered() {
        String name = "org.hrmobility.websecurity.framework-logging";
        ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        AtomicInteger rendered = new AtomicInteger();
        LogMessage message = LogMessage.of(() -> "rendered " + rendered.incrementAndGet());
        Log log = LogFactory.getLog(name);

        log.debug(message);
        log.trace(message);
        assertThat(rendered).as("debug and trace are off: the message is not built").hasValue(0);

        log.info(message);
        assertThat(rendered).as("info is on: the message is built once").hasValue(1);
    }
}
