package org.districtops.launcher;

import java.time.Duration;

/**
 * How long the launcher waits before restarting a child that died: short for the first crash (the platform should
 * heal quickly after a one-off kill), doubling while the child keeps dying soon after it was started (a service that
 * cannot start must not spin the machine), back to the first delay once it has run long enough to count as stable.
 */
final class RestartBackoff {

    private final Duration first;
    private final Duration max;
    private final Duration stableAfter;
    private int consecutive;

    RestartBackoff(Duration first, Duration max, Duration stableAfter) {
        this.first = first;
        this.max = max;
        this.stableAfter = stableAfter;
    }

    static RestartBackoff standard() {
        return new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The delay before the next restart of a child that ran for {@code upTime} before it died. */
    synchronized Duration afterExit(Duration upTime) {
        consecutive = upTime.compareTo(stableAfter) >= 0 ? 1 : consecutive + 1;
        long factor = 1L << Math.min(consecutive - 1, 20);
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    synchronized int consecutiveFailures() {
        return consecutive;
    }
}
