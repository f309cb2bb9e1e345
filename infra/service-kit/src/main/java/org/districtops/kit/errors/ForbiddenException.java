package org.districtops.kit.errors;

/** A business rule says this actor may not do this (for example: only a milestone's owner reports on it): 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
