package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

import reactor.test.StepVerifier;

class BearerTokensTest {

    final BearerTokens tokens = new BearerTokens();
    final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    static MockServerWebExchange with(String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/me");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    @DisplayName("Security: the token of a well-formed bearer header is read, whatever the case of the scheme")
    void readsTheToken() {
        for (String header : new String[] {"Bearer eyJ.a-b_c~d+e/f==", "bearer abc", "BEARER abc="}) {
            StepVerifier.create(tokens.convert(with(header)))
                    .assertNext(auth -> assertThat(((BearerTokenAuthenticationToken) auth).getToken())
                            .isEqualTo(header.substring(7)))
                    .verifyComplete();
        }
    }

    @Test
    @DisplayName("Security: no header or another scheme gives no token; a malformed bearer token is invalid_token")
    void malformedOrAbsent() {
        StepVerifier.create(tokens.convert(with(null))).verifyComplete();
        StepVerifier.create(tokens.convert(with("Basic aGFuYTpoYW5h"))).verifyComplete();
        for (String header : new String[] {"Bearer ", "Bearer a b", "Bearer =abc", "Bearer abc=d", "Bearer ab\u00e9"}) {
            StepVerifier.create(tokens.convert(with(header)))
                    .expectErrorSatisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                            .isEqualTo("invalid_token"))
                    .verify();
        }
    }

    @Test
    @DisplayName("Security: on the same headers it decides as Spring Security's own converter does")
    void agreesWithSpringSecurity() {
        for (String header : new String[] {"Bearer eyJ.a-b_c~d+e/f==", "bearer abc", "Bearer a b", "Bearer =abc", "Bearer abc=d",
                "Basic aGFuYTpoYW5h", "Bearer ab\u00e9"}) {
            Object ours = outcome(tokens, header);
            Object theirs = outcome(spring, header);
            assertThat(ours).as(header).isEqualTo(theirs);
        }
    }

    private static Object outcome(org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter,
                                  String header) {
        try {
            var auth = converter.convert(with(header)).block();
            return auth == null ? "none" : ((BearerTokenAuthenticationToken) auth).getToken();
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode();
        }
    }
}
