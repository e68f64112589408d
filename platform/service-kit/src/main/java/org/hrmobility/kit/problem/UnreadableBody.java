package org.hrmobility.kit.problem;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with a request body the JSON reader refused, said as a client can act on it. Spring's own reason is
 * "Failed to read HTTP message" whatever happened; the reader's message names our classes. This names the field and
 * the form it takes ({@code rating must be one of INSUFFICIENT, SUFFICIENT, ...}), or where the JSON itself breaks.
 */
record UnreadableBody(String field, String message, String detail) {

    /** Why the body could not be read, if the JSON reader says so somewhere in the causes. */
    static Optional<UnreadableBody> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return Optional.of(describe(jackson));
            }
        }
        return Optional.empty();
    }

    private static UnreadableBody describe(JacksonException jackson) {
        // broken JSON inside a nested object carries that object's path too: where it breaks says more than the field
        if (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)) {
            return new UnreadableBody(null, null, "The body is not valid JSON" + where(jackson.getLocation()) + ".");
        }
        Class<?> target = jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : jackson instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        String field = path(jackson.getPath());
        if (!field.isEmpty()) {
            String message = jackson instanceof InputCoercionException ? "is out of range for " + ParameterForms.of(target)
                    : target == null ? "cannot be read here" : "must be " + ParameterForms.of(target);
            return new UnreadableBody(field, message, field + " " + message + ".");
        }
        return new UnreadableBody(null, null, "The body must be a JSON object with the request's fields.");
    }

    /** {@code offers[0].grade}, as a validation error names a nested field. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
