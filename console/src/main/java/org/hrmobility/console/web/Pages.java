package org.hrmobility.console.web;

import java.util.Map;

import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.api.Me;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What every page shows around its content: who is signed in and their roles (the navigation), the CSRF token for
 * forms and htmx, the language switch, a message after a command; and the error pages: what the person may not see
 * is "not found" (404), as the API answers it.
 */
@ControllerAdvice
public class Pages {

    private static final java.util.regex.Pattern DONE = java.util.regex.Pattern.compile("[A-Za-z]{1,40}");

    private final People people;

    Pages(People people) {
        this.people = people;
    }

    @ModelAttribute("me")
    Mono<Me> me(ServerWebExchange exchange) {
        return people.me(exchange);
    }

    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** The CSRF token as the header htmx sends with every request (hx-headers on the body). */
    @ModelAttribute("htmxHeaders")
    Mono<String> htmxHeaders(ServerWebExchange exchange) {
        return csrf(exchange).map(Pages::hxHeaders);
    }

    private static String hxHeaders(CsrfToken token) {
        return "{\"" + token.getHeaderName() + "\":\"" + token.getToken().replace("\"", "") + "\"}";
    }

    @ModelAttribute("path")
    String path(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        return exchange.getRequest().getPath().value() + (query == null ? "" : "?" + query);
    }

    /** The message of the command just done (post, redirect, get): a message key in the redirect's {@code done}. */
    @ModelAttribute("flash")
    Mono<String> flash(ServerWebExchange exchange) {
        // a Mono, never null: a null from a model attribute method would leave the page without all of them
        String done = exchange.getRequest().getQueryParams().getFirst("done");
        return Mono.justOrEmpty(done != null && DONE.matcher(done).matches() ? "done." + done : null);
    }

    /** After a command: the page again (a redirect, so a reload does not repeat the command), saying what was done. */
    public static Mono<Rendering> done(ServerWebExchange exchange, String to, String messageKey) {
        String key = messageKey.startsWith("done.") ? messageKey.substring(5) : messageKey;
        return Mono.just(Rendering.redirectTo(to + (to.contains("?") ? "&" : "?") + "done=" + key).build());
    }

    /** A refusal the page cannot show in a form: not found (what the person may not see), not allowed, unavailable. */
    @ExceptionHandler(ApiProblem.class)
    Mono<Rendering> refused(ApiProblem problem, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        String view = switch (problem.status()) {
            case 404 -> "error/404";
            case 403 -> "error/403";
            default -> "error/problem";
        };
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("path", path(exchange));
        model.put("problem", problem.problem());
        return Mono.zip(people.me(exchange).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        csrf(exchange).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> {
                    t.getT1().ifPresent(me -> model.put("me", me));
                    t.getT2().ifPresent(token -> {
                        model.put("csrf", token);
                        model.put("htmxHeaders", hxHeaders(token));
                    });
                    return Rendering.view(view).model(model).status(status == null ? HttpStatus.BAD_GATEWAY : status).build();
                });
    }
}
