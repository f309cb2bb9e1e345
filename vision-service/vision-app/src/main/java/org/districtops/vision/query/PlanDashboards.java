package org.districtops.vision.query;

import org.bson.Document;
import org.districtops.vision.api.Health;
import org.districtops.vision.api.MilestoneStatus;
import org.districtops.vision.api.PlanDashboard;
import org.districtops.vision.api.PublicPlanView;
import org.districtops.vision.health.HealthCalculator;
import org.districtops.vision.health.HealthCalculator.Weighted;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static org.districtops.vision.query.PublicPlanProjection.list;

/**
 * A plan's health as of a date, from its read model: only updates and values dated on or before that date
 * count, so the same call answers "how do we stand today" and "how did we stand at the March board meeting".
 */
final class PlanDashboards {

    /** Days an owner may be late with an update before the item is flagged stale. */
    static final int STALE_GRACE_DAYS = 7;

    private PlanDashboards() {
    }

    static PlanDashboard asOf(Document plan, LocalDate asOf) {
        List<PlanDashboard.Goal> goals = new ArrayList<>();
        List<Weighted> goalScores = new ArrayList<>();
        for (Document g : list(plan, "goals")) {
            List<Weighted> children = new ArrayList<>();
            List<PlanDashboard.Measure> measures = new ArrayList<>();
            for (Document m : list(g, "measures")) {
                PlanDashboard.Measure measure = measure(m, asOf);
                measures.add(measure);
                children.add(new Weighted(rollUpScore(measure.health(), measure.overrideReason(), measure.score()), 1));
            }
            List<PlanDashboard.Milestone> milestones = new ArrayList<>();
            for (Document m : list(g, "milestones")) {
                PlanDashboard.Milestone milestone = milestone(m, asOf);
                milestones.add(milestone);
                children.add(new Weighted(rollUpScore(milestone.health(), milestone.overrideReason(), milestone.score()),
                        milestone.weight()));
            }
            OptionalDouble score = HealthCalculator.rollUp(children);
            goalScores.add(new Weighted(score, 1));
            goals.add(new PlanDashboard.Goal(g.getString("goalId"), g.getString("title"), PlanDocuments.conditions(g),
                    HealthCalculator.classify(score), boxed(score), measures, milestones));
        }
        OptionalDouble planScore = HealthCalculator.rollUp(goalScores);
        List<PublicPlanView.Change> changes = list(plan, "changes").stream().map(PlanDocuments::change)
                .filter(c -> !c.at().isAfter(asOf.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .toList();
        return new PlanDashboard(plan.getString("planId"), plan.getString("districtId"), plan.getString("title"), asOf,
                HealthCalculator.classify(planScore), boxed(planScore), goals, changes);
    }

    static PlanDashboard.Measure measure(Document m, LocalDate asOf) {
        Map<Integer, Double> targets = new TreeMap<>();
        list(m, "targets").forEach(t -> targets.put(t.getInteger("year"), t.getDouble("value")));
        Document latest = latest(list(m, "values"), asOf);
        Double actual = latest == null ? null : latest.getDouble("value");
        OptionalDouble score = HealthCalculator.measureScore(m.getDouble("baselineValue"),
                PlanDocuments.date(m, "baselineDate"), targets, asOf, actual);
        Double target = targets.entrySet().stream().filter(e -> e.getKey() >= schoolYearEnd(asOf))
                .map(Map.Entry::getValue).findFirst()
                .orElse(targets.isEmpty() ? null : ((TreeMap<Integer, Double>) targets).lastEntry().getValue());
        return new PlanDashboard.Measure(m.getString("measureId"), m.getString("name"), m.getString("unit"),
                org.districtops.vision.api.Direction.valueOf(m.getString("direction")), m.getDouble("baselineValue"),
                target, actual, latest == null ? null : PlanDocuments.date(latest, "asOf"),
                effective(m, score), HealthCalculator.classify(score), overrideReason(m), boxed(score));
    }

    static PlanDashboard.Milestone milestone(Document m, LocalDate asOf) {
        LocalDate start = PlanDocuments.date(m, "start");
        LocalDate due = PlanDocuments.date(m, "due");
        Document latest = latest(list(m, "updates"), asOf);
        int percent = latest == null ? 0 : latest.getInteger("percentComplete");
        LocalDate lastUpdate = latest == null ? null : PlanDocuments.date(latest, "asOf");
        boolean done = percent >= 100;
        boolean overdue = !done && asOf.isAfter(due);
        LocalDate reportingFrom = lastUpdate == null ? start : lastUpdate;
        boolean stale = !done && !asOf.isBefore(start)
                && asOf.isAfter(reportingFrom.plusDays(m.getInteger("updateCadenceDays") + (long) STALE_GRACE_DAYS));
        OptionalDouble score = HealthCalculator.milestoneScore(start, due, asOf, percent);
        return new PlanDashboard.Milestone(m.getString("milestoneId"), m.getString("title"), m.getString("ownerName"),
                start, due, m.getInteger("weight"), latest == null ? null : percent,
                latest == null ? MilestoneStatus.NOT_STARTED : MilestoneStatus.valueOf(latest.getString("status")),
                lastUpdate, overdue, stale,
                effective(m, score), HealthCalculator.classify(score), overrideReason(m), boxed(score));
    }

    private static Health effective(Document item, OptionalDouble score) {
        Document override = item.get("override", Document.class);
        return override == null ? HealthCalculator.classify(score) : Health.valueOf(override.getString("health"));
    }

    private static String overrideReason(Document item) {
        Document override = item.get("override", Document.class);
        return override == null ? null : override.getString("reason");
    }

    /** An overridden item counts in the roll-up as the middle of its band: 0.975, 0.9 or 0.425. */
    private static OptionalDouble rollUpScore(Health health, String overrideReason, Double score) {
        if (overrideReason == null) {
            return optional(score);
        }
        return switch (health) {
            case ON_TRACK -> OptionalDouble.of((HealthCalculator.ON_TRACK + 1) / 2);
            case AT_RISK -> OptionalDouble.of((HealthCalculator.AT_RISK + HealthCalculator.ON_TRACK) / 2);
            case OFF_TRACK -> OptionalDouble.of(HealthCalculator.AT_RISK / 2);
            case NO_DATA -> OptionalDouble.empty();
        };
    }

    /** The school year ending in June of the returned year contains {@code date}. */
    static int schoolYearEnd(LocalDate date) {
        return date.getMonthValue() > 6 ? date.getYear() + 1 : date.getYear();
    }

    private static Document latest(List<Document> dated, LocalDate asOf) {
        return dated.stream().filter(d -> !PlanDocuments.date(d, "asOf").isAfter(asOf))
                .max(Comparator.comparing(d -> PlanDocuments.date(d, "asOf"))).orElse(null);
    }

    private static Double boxed(OptionalDouble score) {
        return score.isPresent() ? score.getAsDouble() : null;
    }

    private static OptionalDouble optional(Double score) {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

}
