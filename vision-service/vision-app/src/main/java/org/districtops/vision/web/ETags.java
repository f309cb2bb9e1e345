package org.districtops.vision.web;

import org.districtops.kit.errors.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Aggregate versions travel as ETags ("3" or W/"3"). */
final class ETags {

    private ETags() {
    }

    /** 201 with the plan's new version as ETag and in the body, ready for the next If-Match. */
    static ResponseEntity<Map<String, Object>> created(long version, Map<String, Object> body) {
        Map<String, Object> withVersion = new LinkedHashMap<>(body);
        withVersion.put("version", version);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Long.toString(version)).body(withVersion);
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
