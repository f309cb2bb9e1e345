package org.districtops.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 §5.2 error response. */
public record TokenError(String error, @JsonProperty("error_description") String errorDescription) {

    static TokenError invalidRequest(String description) {
        return new TokenError("invalid_request", description);
    }

    static TokenError invalidGrant(String description) {
        return new TokenError("invalid_grant", description);
    }

    static TokenError unsupportedGrantType(String description) {
        return new TokenError("unsupported_grant_type", description);
    }
}
