package org.hrmobility.console.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * A submitted form as the API's request body: blank fields are left out (the API says what is missing), lists are one
 * item per line, yes/no become booleans, numbers stay text unless they are numbers (the API refuses the rest).
 */
public final class Forms {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MultiValueMap<String, String> form;
    private final Map<String, Object> body = new LinkedHashMap<>();

    private Forms(MultiValueMap<String, String> form) {
        this.form = form;
    }

    public static Forms of(MultiValueMap<String, String> form) {
        return new Forms(form);
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    public String text(String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Forms string(String... names) {
        for (String name : names) {
            String value = text(name);
            if (value != null) {
                body.put(name, value);
            }
        }
        return this;
    }

    /** One item per line (or comma): "coaching\ntraining" is ["coaching", "training"]. */
    public Forms lines(String name) {
        String value = text(name);
        if (value != null) {
            body.put(name, Arrays.stream(value.split("[\\r\\n,]+")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        return this;
    }

    public Forms bool(String name) {
        String value = text(name);
        if (value != null) {
            body.put(name, Boolean.parseBoolean(value));
        }
        return this;
    }

    public Forms number(String name) {
        String value = text(name);
        if (value != null) {
            body.put(name, INTEGER.matcher(value).matches() ? (Object) Long.parseLong(value) : value);
        }
        return this;
    }

    /** Euros typed as "1500,01" or "1500.01" become cents (150001); anything else goes as typed, for the API to refuse. */
    public Forms cents(String field, String name) {
        String value = text(name);
        if (value != null) {
            String normal = value.replace(" ", "").replace("€", "");
            if (normal.matches("\\d{1,12}([.,]\\d{1,2})?")) {
                String[] parts = normal.split("[.,]");
                long cents = Long.parseLong(parts[0]) * 100 + (parts.length > 1 ? Long.parseLong((parts[1] + "0").substring(0, 2)) : 0);
                body.put(field, cents);
            } else {
                body.put(field, value);
            }
        }
        return this;
    }

    public Forms put(String name, Object value) {
        body.put(name, value);
        return this;
    }

    /** Every value of a repeated field (checkboxes), as the list the API takes; an empty list when none is ticked. */
    public Forms list(String name) {
        body.put(name, form.getOrDefault(name, List.of()));
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** What the person typed, to show again next to the refusal. */
    public Map<String, String> values() {
        return form.toSingleValueMap();
    }
}
