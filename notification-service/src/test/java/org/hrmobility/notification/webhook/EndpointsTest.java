package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    private static Endpoints endpoints(boolean allowPrivate) {
        return new Endpoints(Fixtures.settings(allowPrivate), HostResolver.SYSTEM);
    }

    @Test
    @DisplayName("Webhooks: an endpoint inside the network (loopback, private, link-local, mapped, unique-local) is refused, so subscribers cannot probe the services")
    void internalAddressesRefused() {
        Endpoints production = endpoints(false);
        for (String url : new String[] {"http://localhost:8084/actuator", "http://127.0.0.1/hook", "http://10.1.2.3/hook",
                "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]:8084/hook", "http://[fd00:ec2::254]/latest/meta-data", "http://100.64.0.1/hook",
                "http://[64:ff9b::a9fe:a9fe]/hook", "http://0.0.0.0:8084/hook", "http://198.18.0.1/hook", "http://127.1/hook"}) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOf(BadRequestException.class);
        }
        assertThatCode(() -> endpoints(true).check("http://localhost:9999/hook")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("Webhooks: a URL no request can be made to is refused when subscribing, not when delivering")
    void unusableUrlsRefused() {
        for (String url : new String[] {"http://a b/hook", "http:///hook", "ftp://example.org/hook", "hook",
                "http://user:secret@hooks.example.org/hook"}) {
            assertThatThrownBy(() -> endpoints(true).check(url)).as(url).isInstanceOf(BadRequestException.class);
        }
    }

    @Test
    @DisplayName("Security: an unknown host and an internal one get the same answer, so subscribing cannot map the network's names")
    void refusalsTellNothing() {
        Fixtures.ScriptedResolver dns = new Fixtures.ScriptedResolver().answer("db.internal.example", "10.0.0.5");
        Endpoints production = new Endpoints(Fixtures.settings(false), dns);

        String internal = detail(() -> production.check("http://db.internal.example/hook"));
        String unknown = detail(() -> production.check("http://nothing.internal.example/hook"));

        assertThat(internal.replace("db.internal.example", "HOST")).isEqualTo(unknown.replace("nothing.internal.example", "HOST"));
    }

    @Test
    @DisplayName("Security: a name with one internal address among public ones is refused, when subscribing and when delivering")
    void everyAddressChecked() {
        Fixtures.ScriptedResolver dns = new Fixtures.ScriptedResolver().answer("mixed.example", "93.184.215.14, 127.0.0.1");
        Endpoints production = new Endpoints(Fixtures.settings(false), dns);

        assertThatThrownBy(() -> production.check("https://mixed.example/hook")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> production.target("https://mixed.example/hook")).isInstanceOf(Endpoints.Refused.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    @DisplayName("Security: a delivery resolves the name again and is refused when it now points inside (DNS rebinding)")
    void deliveryResolvesAgain() throws Exception {
        Fixtures.ScriptedResolver dns = new Fixtures.ScriptedResolver().answer("rebind.example", "93.184.215.14", "169.254.169.254");
        Endpoints production = new Endpoints(Fixtures.settings(false), dns);

        production.check("http://rebind.example/hook");

        assertThatThrownBy(() -> production.target("http://rebind.example/hook")).isInstanceOf(Endpoints.Refused.class)
                .hasMessageContaining("link-local");
        assertThat(dns.asked("rebind.example")).isEqualTo(2);
    }

    @Test
    @DisplayName("Webhooks: a delivery's target is the checked address, with the URL's host, port, path and query for the request")
    void target() throws Exception {
        Fixtures.ScriptedResolver dns = new Fixtures.ScriptedResolver().answer("hooks.example.org", "93.184.215.14")
                .answer("v6.example.org", "2606:4700:4700::1111");
        Endpoints production = new Endpoints(Fixtures.settings(false), dns);

        Endpoints.Target https = production.target("https://Hooks.Example.org./in/hook?x=1%202#fragment");
        assertThat(https.address()).isEqualTo(Fixtures.ip("93.184.215.14"));
        assertThat(https.host()).isEqualTo("hooks.example.org");
        assertThat(https.port()).isEqualTo(443);
        assertThat(https.hostHeader()).isEqualTo("hooks.example.org");
        assertThat(https.pathAndQuery()).isEqualTo("/in/hook?x=1%202");
        assertThat(https.secure()).isTrue();

        Endpoints.Target http = production.target("http://v6.example.org:8080");
        assertThat(http.hostHeader()).isEqualTo("v6.example.org:8080");
        assertThat(http.pathAndQuery()).isEqualTo("/");
        assertThat(production.target("http://[2606:4700:4700::1111]:81/h").hostHeader()).isEqualTo("[2606:4700:4700::1111]:81");
        // a literal is its own answer: no DNS question
        assertThat(dns.asked("2606:4700:4700::1111")).isZero();
    }

    @Test
    @DisplayName("Security: with allowed hosts set, only those and subdomains of *. entries are subscribed to or delivered to (403)")
    void allowedHosts() throws Exception {
        Fixtures.ScriptedResolver dns = new Fixtures.ScriptedResolver();
        for (String host : new String[] {"hooks.jobpunt.example", "a.partner.example", "b.a.partner.example", "partner.example",
                "evilpartner.example", "other.example"}) {
            dns.answer(host, "93.184.215.14");
        }
        Endpoints listed = new Endpoints(Fixtures.allowing(false, "Hooks.Jobpunt.Example", " *.partner.example "), dns);

        for (String url : new String[] {"https://hooks.jobpunt.example/in", "https://HOOKS.jobpunt.example./in",
                "https://a.partner.example/in", "https://b.a.partner.example/in"}) {
            assertThatCode(() -> listed.check(url)).as(url).doesNotThrowAnyException();
            assertThat(listed.target(url).address()).as(url).isEqualTo(Fixtures.ip("93.184.215.14"));
        }
        for (String url : new String[] {"https://partner.example/in", "https://evilpartner.example/in", "https://other.example/in",
                "https://hooks.jobpunt.example.other.example/in", "https://93.184.215.14/in"}) {
            assertThatThrownBy(() -> listed.check(url)).as(url).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> listed.target(url)).as(url).isInstanceOf(Endpoints.Refused.class);
        }
        // an allowed host must still be public
        Endpoints listedInternal = new Endpoints(Fixtures.allowing(false, "a.partner.example"),
                new Fixtures.ScriptedResolver().answer("a.partner.example", "10.0.0.1"));
        assertThatThrownBy(() -> listedInternal.check("https://a.partner.example/in")).isInstanceOf(BadRequestException.class);
    }

    @Test
    @DisplayName("Webhooks: an allowed-hosts entry that is not a host or *. and a domain stops the service at start")
    void badAllowedHosts() {
        for (String entry : new String[] {"*", "*.", "https://hooks.example.org", "hooks.example.org/path", "a*.example.org"}) {
            assertThatThrownBy(() -> new Endpoints(Fixtures.allowing(false, entry), HostResolver.SYSTEM)).as(entry)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowed-hosts");
        }
    }

    private static String detail(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (DomainException e) {
            return e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }
}
