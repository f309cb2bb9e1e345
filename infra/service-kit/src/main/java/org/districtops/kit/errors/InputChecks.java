package org.districtops.kit.errors;

/**
 * The input rules every aggregate applies before it records anything; each failure is an
 * {@link InvalidInputException} naming the field (a 400 problem+json). A service's own {@code Checks} extends this
 * class with its domain rules, so both are called as {@code Checks.text(…)}.
 */
public class InputChecks {

    protected InputChecks() {
    }

    /** Present, not blank, and at most {@code max} characters once stripped. */
    public static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        optionalText(field, value, max);
    }

    /** Absent, or at most {@code max} characters once stripped. */
    public static void optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
    }

    public static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException(field, "must be given");
        }
    }

    public static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
