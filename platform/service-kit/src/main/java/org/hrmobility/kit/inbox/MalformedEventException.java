package org.hrmobility.kit.inbox;

/**
 * A message that no retry can fix: no CloudEvents envelope, or a body that is not the payload its type names.
 * The binder sends it to the dead-letter topic at once (see {@code hrm-kit-defaults.properties}).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
