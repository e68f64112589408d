package org.hrmobility.console.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.web.Commands;
import org.hrmobility.console.web.Forms;
import org.hrmobility.console.web.Language;
import org.hrmobility.console.web.Pages;
import org.hrmobility.console.web.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inbox, arriving live: the console relays the person's server-sent events from the gateway (with the token it
 * keeps) as HTML items, so the browser connects to the console with its session cookie and never holds a token.
 * {@code Last-Event-ID} goes on, so a reconnecting browser first gets what it missed. And the person's preferences:
 * e-mail immediately, as a daily digest or off, and the language.
 */
@Controller
@RequestMapping("/console/notifications")
class NotificationController {

    static final List<String> EMAIL = List.of("IMMEDIATE", "DAILY_DIGEST", "OFF");

    private final Api api;
    private final NotificationHtml html;

    NotificationController(Api api, NotificationHtml html) {
        this.api = api;
        this.html = html;
    }

    @GetMapping
    Mono<Rendering> inbox(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return csrf(exchange).flatMap(token -> api.get("/api/notifications?size=50").map(page -> Rendering.view("notifications/inbox")
                .modelAttribute("items", Commands.items(page).stream().map(n -> html.item(n, locale, token.orElse(null))).toList())
                .build()));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                         ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return csrf(exchange).flatMapMany(token -> api.notifications(lastEventId)
                .map(event -> event.data() == null
                        // the gateway's keep-alive comments go on, so proxies keep the browser's stream open
                        ? ServerSentEvent.<String>builder().comment("keep-alive").build()
                        : ServerSentEvent.builder(html.item(event.data(), locale == null ? Locale.forLanguageTag("nl") : locale, token.orElse(null)))
                                .id(event.id()).event("notification").build()));
    }

    /** The CSRF token for the items' "mark read" forms, when the request has one: the items show either way. */
    private static Mono<Optional<CsrfToken>> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** Marks one read from htmx: the item comes back read, and htmx puts it in place of the unread one. */
    @PostMapping(path = "/{id}/read", headers = "HX-Request")
    Mono<ResponseEntity<String>> readInPlace(@PathVariable String id, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return markRead(id).map(read -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html.item(read, locale, null)));
    }

    /** Marks one read without script: the inbox again. */
    @PostMapping("/{id}/read")
    Mono<Rendering> read(@PathVariable String id, ServerWebExchange exchange) {
        return markRead(id).then(Pages.done(exchange, "/console/notifications", "done.read"));
    }

    private Mono<Map<String, Object>> markRead(String id) {
        if (!Forms.isUuid(id)) {
            return Mono.error(Commands.notFound());
        }
        return api.post("/api/notifications/{id}/read", null, id)
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body()) : Mono.error(new ApiProblem(answer.problem())));
    }

    @GetMapping("/preferences")
    Mono<Rendering> preferences() {
        return preferencesPage(Refusal.NONE);
    }

    private Mono<Rendering> preferencesPage(Refusal refusal) {
        return api.get("/api/notifications/preferences").map(preferences -> refusal.view("notifications/preferences")
                .modelAttribute("preferences", preferences).modelAttribute("emailModes", EMAIL).build());
    }

    @PostMapping("/preferences")
    Mono<Rendering> choose(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Forms f = Forms.of(form).string("email", "language");
            return api.put("/api/notifications/preferences", f.body()).flatMap(answer -> {
                if (answer.ok() && f.text("language") != null) {
                    return exchange.getSession().doOnNext(s -> Language.choose(s, f.text("language")))
                            .then(Pages.done(exchange, "/console/notifications/preferences", "done.preferences"));
                }
                return Commands.after(exchange, answer, f, "preferences", "/console/notifications/preferences", "done.preferences",
                        this::preferencesPage);
            });
        });
    }
}
