package org.hrmobility.local.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who can log in ({@code hrm.identity.users}); the password of each demo user is its username.
 *
 * @param issuer  the issuer URL tokens carry and discovery announces
 * @param keyFile an RSA private key as a JWK (JSON); without it a key is generated at every start
 */
@ConfigurationProperties("hrm.identity")
public record DemoUsers(String issuer, String keyFile, List<User> users) {

    public record User(String username, String employeeId, String name, String entity, List<String> roles) {
    }

    public DemoUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public Optional<User> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
