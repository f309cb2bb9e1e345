package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record the result of checking a pilot's goals against vision-service once it answers. */
public record CheckPilotAlignment(@TargetAggregateIdentifier PilotRef pilot, AlignmentStatus alignment,
                                  List<String> unknownGoalIds) {
}
