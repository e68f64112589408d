package org.hrmobility.kit.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * With the {@code production} profile a service refuses to start on settings that only make sense on a developer's
 * machine: an identity provider on localhost or without TLS, a database without a password. Better a service that does
 * not start, saying why, than one that trusts tokens from a laptop.
 */
public final class ProductionSettings {

    public static final String PROFILE = "production";

    private ProductionSettings() {
    }

    /** The settings that are wrong for production, each with why; empty when there are none. */
    public static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        String issuer = env.getProperty("hrm.security.issuer");
        if (issuer == null || issuer.isBlank()) {
            problems.add("hrm.security.issuer (HRM_ISSUER) is not set: tokens would be accepted from any issuer");
        } else {
            requirePublicHttps("hrm.security.issuer (HRM_ISSUER)", issuer, problems);
        }
        String keys = env.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        if (keys != null && isLocal(keys)) {
            problems.add("the JWK set (HRM_JWK_SET_URI) is on this machine (" + keys + "): keys would come from a development identity provider");
        }
        if (env.containsProperty("spring.r2dbc.url") && env.getProperty("spring.r2dbc.password", "").isBlank()) {
            problems.add("spring.r2dbc.password (SPRING_R2DBC_PASSWORD) is empty: the database needs its own credentials");
        }
        return problems;
    }

    /** Throws, naming every problem, when the production profile is active and a setting is wrong for it. */
    public static void check(Environment env) {
        if (!env.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the production profile:\n - " + String.join("\n - ", problems));
        }
    }

    private static void requirePublicHttps(String name, String url, List<String> problems) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add(name + " is not https (" + url + "): tokens must come from an identity provider behind TLS");
        }
        if (isLocal(url)) {
            problems.add(name + " is on this machine (" + url + "): the development identity provider");
        }
    }

    private static boolean isLocal(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null || host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1") || host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
