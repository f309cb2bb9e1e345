package org.districtops.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per second each client may send to each route group, with a burst on top. The token endpoint gets
 * a much lower limit: it is where passwords are guessed.
 */
@ConfigurationProperties("dop.gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer perSecond, Integer burst, Integer authPerSecond,
                                  Integer authBurst) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perSecond = perSecond == null ? 200 : perSecond;
        burst = burst == null ? 400 : burst;
        authPerSecond = authPerSecond == null ? 2 : authPerSecond;
        authBurst = authBurst == null ? 10 : authBurst;
    }
}
