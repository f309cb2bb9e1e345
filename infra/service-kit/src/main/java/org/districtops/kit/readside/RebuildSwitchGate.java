package org.districtops.kit.readside;

/**
 * Called once a rebuild has caught up, just before the live processors pause for the switch-over. Only tests
 * declare one, to look at the old view while the new one is complete but not yet live.
 */
@FunctionalInterface
public interface RebuildSwitchGate {

    void beforeSwitch(RebuildStatus status) throws InterruptedException;
}
