package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.notification.NotificationSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    private static Endpoints endpoints(boolean allowPrivate) {
        NotificationSettings.Webhooks webhooks = new NotificationSettings.Webhooks(allowPrivate, 8, Duration.ofSeconds(2), 2.0,
                Duration.ofMinutes(10), 3, Duration.ofSeconds(5), 64, new NotificationSettings.Breaker(10, 5, 50, Duration.ofSeconds(30)));
        return new Endpoints(new NotificationSettings("http://localhost:8080", null, webhooks));
    }

    @Test
    @DisplayName("Webhooks: an endpoint inside the network (loopback, private, link-local) is refused, so subscribers cannot probe the services")
    void internalAddressesRefused() {
        Endpoints production = endpoints(false);
        for (String url : new String[] {"http://localhost:8084/actuator", "http://127.0.0.1/hook", "http://10.1.2.3/hook",
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook"}) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOf(BadRequestException.class);
        }
        assertThatCode(() -> endpoints(true).check("http://localhost:9999/hook")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("Webhooks: a URL no request can be made to is refused when subscribing, not when delivering")
    void unusableUrlsRefused() {
        for (String url : new String[] {"http://a b/hook", "http:///hook", "ftp://example.org/hook", "hook"}) {
            assertThatThrownBy(() -> endpoints(true).check(url)).as(url).isInstanceOf(BadRequestException.class);
        }
    }
}
