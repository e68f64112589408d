package org.hrmobility.kit.security;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.core.env.Environment;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The port of Spring Boot's separate management server, when one is configured ({@code management.server.port}, 0 for
 * a free one): requests that arrive on it come from inside the cluster (the chart exposes only the application port),
 * so probes and metrics need no token there.
 */
final class ManagementPort {

    private final Environment env;

    private ManagementPort(Environment env) {
        this.env = env;
    }

    static ManagementPort of(Environment env) {
        return new ManagementPort(env);
    }

    /** Matches these paths when they arrive on the management port; never when there is none. */
    ServerWebExchangeMatcher serving(String... paths) {
        ServerWebExchangeMatcher onPaths = ServerWebExchangeMatchers.matchers(Arrays.stream(paths)
                .map(PathPatternParserServerWebExchangeMatcher::new).toArray(ServerWebExchangeMatcher[]::new));
        return exchange -> {
            Integer port = port();
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            return port != null && local != null && local.getPort() == port ? onPaths.matches(exchange) : MatchResult.notMatch();
        };
    }

    /** The management server's port, or null when management is served on the application's port. */
    private Integer port() {
        Integer configured = env.getProperty("management.server.port", Integer.class);
        if (configured == null || configured < 0) {
            return null;
        }
        Integer port = configured == 0 ? env.getProperty("local.management.port", Integer.class) : configured;
        Integer server = env.getProperty("local.server.port", Integer.class, env.getProperty("server.port", Integer.class, 8080));
        return port == null || Objects.equals(port, server) ? null : port;
    }
}
