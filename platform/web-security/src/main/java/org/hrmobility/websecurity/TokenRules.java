package org.hrmobility.websecurity;

import java.util.Collection;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What Spring Security's defaults leave open, checked by every entry point next to signature, issuer, audience and
 * the time stamps: a token must expire (the default only checks {@code exp} when there is one), and its JOSE
 * {@code typ}, when the identity provider sets one, must name an access token ({@code JWT}, RFC 9068's
 * {@code at+jwt}): not an ID token's, a logout token's or any other JWT's type.
 */
public final class TokenRules {

    private TokenRules() {
    }

    /** A token without {@code exp} would be valid for ever: refused. */
    public static OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /** Only these {@code typ} values (ignoring case); a token without {@code typ} passes. */
    public static JwtTypeValidator types(Collection<String> accepted) {
        JwtTypeValidator validator = new JwtTypeValidator(accepted);
        validator.setAllowEmpty(true);
        return validator;
    }
}
