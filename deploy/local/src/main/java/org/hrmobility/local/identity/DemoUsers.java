package org.hrmobility.local.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who can log in ({@code hrm.identity.users}). A user's {@code password} is an encoded one
 * ({@code {bcrypt}...}); without it, on a developer's machine, the password of a demo user is its username.
 *
 * @param issuer                 the issuer URL tokens carry and discovery announces
 * @param keyFile                an RSA private key as a JWK (JSON); without it a key is generated at every start
 * @param recruitmentClientSecret the encoded secret of the recruitment system's client; without it, {@code jobpunt-secret}
 * @param publicUrl              where people reach the suite (the gateway): the console's login and logout come back there
 */
@ConfigurationProperties("hrm.identity")
public record DemoUsers(String issuer, String keyFile, List<User> users, String recruitmentClientSecret, String publicUrl) {

    public record User(String username, String employeeId, String name, String entity, List<String> roles, String password) {

        /** The stored password: the configured (encoded) one, else, for a demo, the username in plain text. */
        public String storedPassword() {
            return password == null || password.isBlank() ? "{noop}" + username : password;
        }
    }

    public DemoUsers {
        users = users == null ? List.of() : List.copyOf(users);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    public Optional<User> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
