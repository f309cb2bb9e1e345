package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record the outcome of checking a badge's goals once vision-service answered (no event when unchanged). */
public record CheckBadgeAlignment(@TargetAggregateIdentifier BadgeRef badge, AlignmentStatus alignment,
                                  List<String> unknownGoalIds) {
}
