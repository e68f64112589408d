package org.hrmobility.local.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * How much of the development conveniences this identity provider keeps. On a developer's machine: the password grant
 * for scripts, demo passwords, a generated key. Under the {@code production} profile (a test or demo namespace that
 * must behave as production does) none of them: it refuses to start until every user has an encoded password, the
 * recruitment client an encoded secret and the signing key a file, and it offers no password grant.
 *
 * @param passwordGrant whether the token endpoint takes {@code grant_type=password} ({@code hrm-cli})
 */
record IdentitySettings(boolean passwordGrant) {

    static final String PRODUCTION = "production";

    static IdentitySettings of(DemoUsers demo, Environment env) {
        if (!env.matchesProfiles(PRODUCTION)) {
            return new IdentitySettings(true);
        }
        List<String> problems = problems(demo);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with the production profile:\n - " + String.join("\n - ", problems));
        }
        return new IdentitySettings(false);
    }

    static List<String> problems(DemoUsers demo) {
        List<String> problems = new ArrayList<>();
        demo.users().stream().filter(u -> plain(u.password())).forEach(u -> problems.add("user " + u.username()
                + " has no encoded password (hrm.identity.users[].password, e.g. {bcrypt}...): demo passwords are the usernames"));
        if (plain(demo.recruitmentClientSecret())) {
            problems.add("hrm.identity.recruitment-client-secret is not an encoded secret ({bcrypt}...)");
        }
        if (demo.keyFile() == null || demo.keyFile().isBlank()) {
            problems.add("hrm.identity.key-file (HRM_IDENTITY_KEY_FILE) is not set: a key generated at each start invalidates every token at a restart");
        }
        return problems;
    }

    private static boolean plain(String encoded) {
        return encoded == null || encoded.isBlank() || encoded.startsWith("{noop}") || !encoded.startsWith("{");
    }
}
