package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start a plan–do–study–act cycle: what will be tried, and when its measurements are due. */
public record StartCycle(@TargetAggregateIdentifier PilotRef pilot, String cycleId, String plan, LocalDate measureBy) {
}
