package org.districtops.vision.web;

import org.districtops.kit.errors.InvalidInputException;

/** Aggregate versions travel as ETags ("3" or W/"3"). */
final class ETags {

    private ETags() {
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be a version (an ETag this API sent), e.g. \"3\"");
        }
    }
}
