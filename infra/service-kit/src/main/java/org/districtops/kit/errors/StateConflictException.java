package org.districtops.kit.errors;

/** The request is valid but conflicts with the current state (already exists, already closed...): 409. */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
