package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a district's strategic plan for a span of school years, optionally with its first goal. */
public record CreateStrategicPlan(@TargetAggregateIdentifier PlanRef plan, String title, int startYear, int endYear,
                                  GoalDraft firstGoal) {
}
