package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a cycle with what was observed and what changes next. */
public record CompleteCycle(@TargetAggregateIdentifier PilotRef pilot, String cycleId, String observed,
                            String nextChanges) {
}
