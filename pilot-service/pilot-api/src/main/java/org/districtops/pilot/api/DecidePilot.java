package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the decision, with its rationale and the evidence tier the evaluation supported. */
public record DecidePilot(@TargetAggregateIdentifier PilotRef pilot, Decision decision, String rationale,
                          int evidenceTier) {
}
