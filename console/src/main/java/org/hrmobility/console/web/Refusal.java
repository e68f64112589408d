package org.hrmobility.console.web;

import java.util.Map;

import org.hrmobility.console.api.Problem;
import org.springframework.web.reactive.result.view.Rendering;

/**
 * A command the API refused, for its page to show again: the form that failed (the problem shows next to that form
 * only), the problem, and what the person typed (kept in the fields). {@link #NONE} when the page is simply shown.
 */
public record Refusal(String form, Problem problem, Map<String, String> values) {

    public static final Refusal NONE = new Refusal("", null, Map.of());

    public Refusal {
        form = form == null ? "" : form;
        values = values == null ? Map.of() : values;
    }

    /** The page's view with the refusal in its model ({@code failed}, {@code problem}, {@code values}) and its status. */
    public Rendering.Builder<?> view(String name) {
        return Rendering.view(name).modelAttribute("failed", form).modelAttribute("problem", problem).modelAttribute("values", values)
                .status(Commands.status(problem));
    }
}
