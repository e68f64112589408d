package org.hrmobility.kit.problem;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Whether a validation error's path names a field of the request body as the client sent it, or a check across
 * fields that bean validation reports as a property of its own ({@code @AssertTrue boolean isPeriodValid()} becomes
 * {@code periodValid}, a name the client never sent).
 */
final class BodyFields {

    private BodyFields() {
    }

    static boolean has(Class<?> body, String path) {
        String first = path.split("[.\\[]", 2)[0];
        if (body.isRecord()) {
            return Arrays.stream(body.getRecordComponents()).map(RecordComponent::getName).anyMatch(first::equals);
        }
        for (Class<?> type = body; type != null && type != Object.class; type = type.getSuperclass()) {
            if (Arrays.stream(type.getDeclaredFields()).anyMatch(f -> f.getName().equals(first))) {
                return true;
            }
        }
        return false;
    }
}
