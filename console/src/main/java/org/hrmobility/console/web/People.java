package org.hrmobility.console.web;

import java.util.List;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.Me;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Who is signed in ({@code /api/me} through the gateway), read once per session. */
@Component
public class People {

    static final String SESSION = "hrm.console.me";

    private final Api api;

    People(Api api) {
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    public Mono<Me> me(ServerWebExchange exchange) {
        return exchange.getPrincipal().filter(OAuth2AuthenticationToken.class::isInstance).flatMap(principal -> exchange.getSession())
                .flatMap(session -> {
            Me known = session.getAttribute(SESSION);
            if (known != null) {
                return Mono.just(known);
            }
            return api.get("/api/me").map(m -> new Me(text(m.get("subject")), text(m.get("employeeId")), text(m.get("name")),
                            (List<String>) m.get("roles"), text(m.get("entity"))))
                    .doOnNext(me -> session.getAttributes().put(SESSION, me));
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
