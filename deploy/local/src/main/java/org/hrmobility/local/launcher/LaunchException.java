package org.hrmobility.local.launcher;

/** The suite could not start; the message says what and where to look. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }
}
