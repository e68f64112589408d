package org.hrmobility.contracts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A versioned integration event type. Its CloudEvents type reads {@code hrm.<context>.<Name>.v<version>},
 * e.g. {@code hrm.redeployment.OfferRefused.v1}. Within a version a payload only gains optional fields;
 * anything else is a new version.
 */
public record EventType<T>(String context, String name, int version, String topic, Class<T> payloadType) {

    private static final Pattern CONTEXT = Pattern.compile("[a-z]+");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z]+");

    public EventType {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!CONTEXT.matcher(context).matches()) {
            throw new IllegalArgumentException("context must be lower-case letters: " + context);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be a past-tense fact in UpperCamelCase: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
    }

    public static <T> EventType<T> of(String context, String name, int version, String topic, Class<T> payloadType) {
        return new EventType<>(context, name, version, topic, payloadType);
    }

    /** The value of the {@code ce_type} header. */
    public String ceType() {
        return "hrm." + context + "." + name + ".v" + version;
    }

    @Override
    public String toString() {
        return ceType();
    }
}
