package org.districtops.vision.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public read model of a strategic plan: goals with their measures and milestones, every dated
 * progress update, and the public change log of baselines, targets and due dates. Accountable staff appear
 * by name only. {@code version} is the plan's event sequence (its ETag).
 */
public record PublicPlanView(String planId, String districtId, String title, int startYear, int endYear,
                             List<Goal> goals, List<Change> changes, Instant createdAt, Instant updatedAt,
                             long version) {

    public record Goal(String goalId, String title, String description, List<DistrictCondition> conditions,
                       List<Measure> measures, List<Milestone> milestones) {
    }

    public record Measure(String measureId, String name, String unit, Direction direction, double baselineValue,
                          LocalDate baselineDate, List<YearTarget> targets, List<MeasureValue> values) {
    }

    public record MeasureValue(LocalDate asOf, double value, String narrative) {
    }

    public record Milestone(String milestoneId, String title, String ownerName, List<String> collaborators,
                            LocalDate start, LocalDate due, int weight, int updateCadenceDays,
                            List<ProgressUpdate> updates) {
    }

    public record ProgressUpdate(LocalDate asOf, int percentComplete, MilestoneStatus status, String narrative) {
    }

    /** "Target changed on …, because …": every change to a baseline, target or due date, with its reason. */
    public record Change(Instant at, String kind, String itemId, String itemName, String from, String to,
                         String reason) {
    }
}
