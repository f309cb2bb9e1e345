package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the decision with its rationale; the pilot adds the evidence tier its own evaluation supports. */
public record DecidePilot(@TargetAggregateIdentifier PilotRef pilot, Decision decision, String rationale) {
}
