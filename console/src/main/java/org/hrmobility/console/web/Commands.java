package org.hrmobility.console.web;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.hrmobility.console.api.Answer;
import org.hrmobility.console.api.Api;
import org.hrmobility.console.api.ApiProblem;
import org.hrmobility.console.api.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * One command from a form: the form's fields as the API's request body, the POST through the gateway, and then either
 * the page again with what was done (post, redirect, get) or the same page with the problem next to the form.
 */
public final class Commands {

    /** Shows a page, after a refusal with the form that failed, the problem and what was typed. */
    @FunctionalInterface
    public interface Page {
        Mono<Rendering> show(Refusal refusal);
    }

    private Commands() {
    }

    /** A command on something that exists: afterwards its page {@code back}. */
    public static Mono<Rendering> post(Api api, ServerWebExchange exchange, String uri, Object[] variables, Consumer<Forms> fields,
                                       String form, String back, String done, Page page) {
        return send(api, exchange, uri, variables, fields, form, answer -> back, done, page);
    }

    /** A command that creates: afterwards the page of what it created, {@code createdPage} followed by its id. */
    public static Mono<Rendering> create(Api api, ServerWebExchange exchange, String uri, Object[] variables, Consumer<Forms> fields,
                                         String form, String createdPage, String done, Page page) {
        return send(api, exchange, uri, variables, fields, form, answer -> createdPage + answer.createdId(), done, page);
    }

    private static Mono<Rendering> send(Api api, ServerWebExchange exchange, String uri, Object[] variables, Consumer<Forms> fields,
                                        String form, Function<Answer, String> back, String done, Page page) {
        return exchange.getFormData().flatMap(data -> {
            Forms f = Forms.of(data);
            fields.accept(f);
            return api.post(uri, f.body(), variables).flatMap(answer -> after(exchange, answer, f, form, back.apply(answer), done, page));
        });
    }

    /** What follows a command's answer: {@code back} saying what was done; a 404 as the error page; else the refusal. */
    public static Mono<Rendering> after(ServerWebExchange exchange, Answer answer, Forms f, String form, String back, String done,
                                        Page page) {
        if (answer.ok()) {
            return Pages.done(exchange, back, done);
        }
        if (answer.status() == 404) {
            return Mono.error(new ApiProblem(answer.problem()));
        }
        return page.show(new Refusal(form, answer.problem(), f.values()));
    }

    public static HttpStatus status(Problem problem) {
        if (problem == null) {
            return HttpStatus.OK;
        }
        HttpStatus status = HttpStatus.resolve(problem.status());
        return status == null ? HttpStatus.BAD_REQUEST : status;
    }

    public static ApiProblem notFound() {
        return new ApiProblem(new Problem(404, null, null, null, null, List.of()));
    }

    /** What the person may not see, or what cannot be (an id that is no UUID), is "not found", as the API answers it. */
    public static Mono<String> uuid(String id) {
        return Forms.isUuid(id) ? Mono.just(id) : Mono.error(notFound());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }
}
