package org.hrmobility.console.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.i18n.LocaleContextResolver;

import reactor.core.publisher.Mono;

/**
 * The console speaks the person's language: the one of their notification preference
 * ({@code GET /api/notifications/preferences}, {@code language}), read once per session; Dutch when they chose none.
 * The switch in the header changes it for the session and in the preference (so notifications follow).
 */
@Configuration(proxyBeanMethods = false)
public class Language {

    public static final String DUTCH = "nl";
    public static final Set<String> SUPPORTED = Set.of("nl", "en");
    /** The session's language. */
    public static final String SESSION = "hrm.console.language";
    private static final String EXCHANGE = Language.class.getName();

    /** The locale of every page and message: the exchange's language, set by {@link #languageFilter}. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                String language = exchange.getAttributeOrDefault(EXCHANGE, DUTCH);
                return new SimpleLocaleContext(Locale.forLanguageTag(language));
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is the person's preference; see Language");
            }
        };
    }

    /** Runs after the security filters: the person is known, and the API can be called with their token. */
    @Bean
    WebFilter languageFilter(Api api) {
        return new LanguageFilter(api);
    }

    public static String supported(Object language) {
        return language != null && SUPPORTED.contains(language.toString()) ? language.toString() : DUTCH;
    }

    public static void choose(WebSession session, String language) {
        session.getAttributes().put(SESSION, supported(language));
    }

    static final class LanguageFilter implements WebFilter, Ordered {

        private final Api api;

        LanguageFilter(Api api) {
            this.api = api;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!exchange.getRequest().getPath().value().startsWith("/console")
                    || exchange.getRequest().getPath().value().startsWith("/console/assets/")
                    || exchange.getRequest().getPath().value().startsWith("/console/webjars/")) {
                return chain.filter(exchange);
            }
            return exchange.getSession().flatMap(session -> {
                String chosen = session.getAttribute(SESSION);
                Mono<String> language = chosen != null ? Mono.just(chosen) : preference(exchange, session);
                return language.doOnNext(l -> exchange.getAttributes().put(EXCHANGE, l)).then(chain.filter(exchange));
            });
        }

        /** The preference, remembered for the session; Dutch, not remembered, when it cannot be read now. */
        private Mono<String> preference(ServerWebExchange exchange, WebSession session) {
            return exchange.getPrincipal().filter(OAuth2AuthenticationToken.class::isInstance)
                    .flatMap(p -> api.get("/api/notifications/preferences")
                            .map(preferences -> supported(((Map<?, ?>) preferences).get("language")))
                            .doOnNext(language -> session.getAttributes().put(SESSION, language))
                            // operators have no preferences (403): Dutch, and remembered
                            .onErrorResume(ApiProblem.class, e -> Mono.just(DUTCH)
                                    .doOnNext(l -> {
                                        if (e.status() == 403) {
                                            session.getAttributes().put(SESSION, l);
                                        }
                                    })))
                    .defaultIfEmpty(DUTCH);
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }
}
