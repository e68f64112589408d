package org.hrmobility.devstack;

/** A server of the devstack could not start; the message says which and what to do about it. */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
