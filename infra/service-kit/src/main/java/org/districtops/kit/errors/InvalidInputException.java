package org.districtops.kit.errors;

/** A business rule rejected a value the caller sent: answered 400, naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
