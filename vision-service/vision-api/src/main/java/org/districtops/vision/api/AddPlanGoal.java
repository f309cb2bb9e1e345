package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Add a goal to a plan. {@code expectedVersion} (from If-Match) makes a concurrent change a conflict
 * instead of a lost update; null means "whatever the current version is".
 */
public record AddPlanGoal(@TargetAggregateIdentifier PlanRef plan, GoalDraft goal,
                          @TargetAggregateVersion Long expectedVersion) {
}
