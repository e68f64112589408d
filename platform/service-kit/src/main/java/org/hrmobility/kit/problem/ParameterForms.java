package org.hrmobility.kit.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/** The form a request parameter or a body's field of a type takes, said to a client who sent something else. */
final class ParameterForms {

    private ParameterForms() {
    }

    static String of(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date, yyyy-mm-dd";
        }
        if (type == YearMonth.class) {
            return "a month, yyyy-mm";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a date and time with its offset, e.g. 2026-03-31T09:00:00Z";
        }
        if (type == UUID.class) {
            return "an id (a UUID)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            return "an object with its fields";
        }
        return "a valid " + type.getSimpleName();
    }
}
