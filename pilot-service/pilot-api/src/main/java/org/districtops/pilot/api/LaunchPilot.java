package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Launch: from now on the criteria are locked. */
public record LaunchPilot(@TargetAggregateIdentifier PilotRef pilot, LocalDate launchedOn) {
}
