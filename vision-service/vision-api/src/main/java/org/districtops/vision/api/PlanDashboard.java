package org.districtops.vision.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as of a date: computed health of every measure and milestone, rolled up to goals and the plan.
 * Scores are actual ÷ expected progress (0..1); null where nothing can be measured yet. An item whose health
 * was overridden shows the override as {@code health} (with its reason) beside the {@code computedHealth}.
 */
public record PlanDashboard(String planId, String districtId, String title, LocalDate asOf, Health health,
                            Double score, List<Goal> goals, List<PublicPlanView.Change> changes) {

    public record Goal(String goalId, String title, List<DistrictCondition> conditions, Health health, Double score,
                       List<Measure> measures, List<Milestone> milestones) {
    }

    public record Measure(String measureId, String name, String unit, Direction direction, double baselineValue,
                          Double target, Double latestValue, LocalDate latestValueOn, Health health,
                          Health computedHealth, String overrideReason, Double score) {
    }

    public record Milestone(String milestoneId, String title, String ownerName, LocalDate start, LocalDate due,
                            int weight, Integer percentComplete, MilestoneStatus status, LocalDate lastUpdateOn,
                            boolean overdue,
                            boolean stale, Health health, Health computedHealth, String overrideReason,
                            Double score) {
    }
}
