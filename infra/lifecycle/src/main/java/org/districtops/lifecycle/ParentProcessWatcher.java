package org.districtops.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the launcher that started this service dies (even by kill -9), the service exits too, instead of
 * living on as an orphan that holds its port. Active only when DOP_PARENT_PID is set.
 */
public final class ParentProcessWatcher {

    private static final Logger log = LoggerFactory.getLogger(ParentProcessWatcher.class);

    private ParentProcessWatcher() {
    }

    public static void watchFromEnvironment() {
        String parentPid = System.getenv("DOP_PARENT_PID");
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    log.warn("Launcher (pid {}) is gone; shutting down", parentPid);
                    System.exit(0);
                }),
                () -> {
                    log.warn("Launcher (pid {}) is already gone; shutting down", parentPid);
                    System.exit(0);
                });
    }
}
