package org.hrmobility.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem as the suite answers it: {@code title}, {@code detail}, the {@code rule} refused (an id of
 * docs/domain.md) and, for invalid requests, {@code errors[]} of field and message. Forms show the field errors next
 * to their fields and the rest next to the form.
 */
public record Problem(int status, String type, String title, String detail, String rule, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Reads a problem+json body; a body that is not one (a proxy's page, nothing) still gives the status. */
    @SuppressWarnings("unchecked")
    public static Problem of(int status, Map<String, Object> body) {
        if (body == null) {
            return new Problem(status, null, null, null, null, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new FieldError(Objects.toString(error.get("field"), null), Objects.toString(error.get("message"), null)));
                }
            }
        }
        return new Problem(status, text(body.get("type")), text(body.get("title")), text(body.get("detail")), text(body.get("rule")),
                errors);
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "https://hrmobility.org/problems/service-unavailable", "Service unavailable", detail, null, List.of());
    }

    /** The message for one field of the form, or null. Validation names a field as the request body does. */
    public String errorFor(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst().orElse(null);
    }

    public boolean hasErrorFor(String field) {
        return errorFor(field) != null;
    }

    /** The field errors no input of the form shows (a check across fields, such as a period that ends before it starts). */
    public List<FieldError> otherErrors(List<String> shownFields) {
        return errors.stream().filter(e -> e.field() == null || !shownFields.contains(e.field())).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
