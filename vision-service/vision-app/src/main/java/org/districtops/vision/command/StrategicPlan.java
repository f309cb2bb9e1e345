package org.districtops.vision.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.config.AggregateSnapshots;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.InputChecks;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.messaging.MetadataKeys;
import org.districtops.vision.api.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A district's strategic plan: goals, their measures and milestones, and every dated change to them.
 * Validates, then applies events; state changes only in the event sourcing handlers, so replaying the
 * events always rebuilds the same plan. Command handlers return the plan's new version (its ETag).
 *
 * <p>A plan collects hundreds of updates over its life, so it is loaded from a snapshot plus the events after it
 * ({@link AggregateSnapshots}). Raise the {@code @Revision} whenever a field is added, removed or changes meaning:
 * snapshots of another revision are then ignored and the plan is replayed from its events.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
public class StrategicPlan {

    static final int MAX_PLAN_YEARS = 10;
    static final int MAX_GOALS = 50;
    static final String SUPERINTENDENT = "superintendent";

    @AggregateIdentifier
    private String id;
    private PlanRef ref;
    private int startYear;
    private int endYear;
    private final Set<String> goalIds = new HashSet<>();
    private final Set<String> goalTitles = new HashSet<>();
    private final Map<String, MeasureState> measures = new HashMap<>();
    private final Map<String, MilestoneState> milestones = new HashMap<>();

    private record MeasureState(double baselineValue, LocalDate baselineDate, Map<Integer, Double> targets) {
    }

    private record MilestoneState(String ownerId, LocalDate start, LocalDate due) {
    }

    protected StrategicPlan() {
        // for Axon
    }

    @CommandHandler
    public StrategicPlan(CreateStrategicPlan command) {
        InputChecks.text("title", command.title(), 200);
        if (command.endYear() < command.startYear()) {
            throw new InvalidInputException("endYear", "must not be before startYear");
        }
        if (command.endYear() - command.startYear() >= MAX_PLAN_YEARS) {
            throw new InvalidInputException("endYear", "a plan covers at most " + MAX_PLAN_YEARS + " school years");
        }
        apply(new StrategicPlanCreated(command.plan().districtId(), command.plan().planId(), command.title().strip(),
                command.startYear(), command.endYear()));
        if (command.firstGoal() != null) {
            addGoal(command.plan(), command.firstGoal(), "firstGoal.");
        }
    }

    @CommandHandler
    public long handle(AddPlanGoal command) {
        addGoal(command.plan(), command.goal(), "");
        return version();
    }

    @CommandHandler
    public long handle(AddMeasure command) {
        requireGoal(command.goalId());
        InputChecks.text("name", command.name(), 200);
        InputChecks.text("unit", command.unit(), 40);
        if (command.direction() == null) {
            throw new InvalidInputException("direction", "must be UP or DOWN");
        }
        if (command.baselineDate() == null) {
            throw new InvalidInputException("baselineDate", "must be given");
        }
        if (command.targets() == null || command.targets().isEmpty()) {
            throw new InvalidInputException("targets", "a measure needs at least one yearly target");
        }
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < command.targets().size(); i++) {
            YearTarget target = command.targets().get(i);
            requireYearInPlan("targets[" + i + "].year", target.year());
            if (!years.add(target.year())) {
                throw new InvalidInputException("targets[" + i + "].year", "has more than one target for " + target.year());
            }
        }
        if (measures.containsKey(command.measureId())) {
            throw new StateConflictException("Measure " + command.measureId() + " already exists.");
        }
        apply(new MeasureAdded(ref.districtId(), ref.planId(), command.goalId(), command.measureId(),
                command.name().strip(), command.unit().strip(), command.direction(), command.baselineValue(),
                command.baselineDate(), command.targets().stream()
                .sorted((a, b) -> Integer.compare(a.year(), b.year())).toList()));
        return version();
    }

    @CommandHandler
    public long handle(AddMilestone command) {
        requireGoal(command.goalId());
        InputChecks.text("title", command.title(), 200);
        if (command.owner() == null) {
            throw new InvalidInputException("owner", "a milestone has one accountable owner");
        }
        InputChecks.text("owner.id", command.owner().id(), 100);
        InputChecks.text("owner.name", command.owner().name(), 200);
        if (command.start() == null) {
            throw new InvalidInputException("start", "must be given");
        }
        if (command.due() == null || command.due().isBefore(command.start())) {
            throw new InvalidInputException("due", "must be on or after start");
        }
        if (command.weight() < 1 || command.weight() > 100) {
            throw new InvalidInputException("weight", "must be between 1 and 100");
        }
        if (command.updateCadenceDays() < 1 || command.updateCadenceDays() > 366) {
            throw new InvalidInputException("updateCadenceDays", "must be between 1 and 366");
        }
        if (milestones.containsKey(command.milestoneId())) {
            throw new StateConflictException("Milestone " + command.milestoneId() + " already exists.");
        }
        apply(new MilestoneAdded(ref.districtId(), ref.planId(), command.goalId(), command.milestoneId(),
                command.title().strip(), command.owner(),
                command.collaborators() == null ? java.util.List.of() : java.util.List.copyOf(command.collaborators()),
                command.start(), command.due(), command.weight(), command.updateCadenceDays()));
        return version();
    }

    /** Only the milestone's owner reports on it, or the superintendent. */
    @CommandHandler
    public long handle(RecordMilestoneProgress command,
                       @MetaDataValue(MetadataKeys.ACTOR_ID) String actorId,
                       @MetaDataValue(MetadataKeys.ACTOR_ROLE) String actorRole) {
        MilestoneState milestone = requireMilestone(command.milestoneId());
        if (!milestone.ownerId().equals(actorId) && !SUPERINTENDENT.equals(actorRole)) {
            throw new ForbiddenException("Only the milestone's owner or the superintendent can update it.");
        }
        if (command.asOf() == null) {
            throw new InvalidInputException("asOf", "must be given");
        }
        if (command.percentComplete() < 0 || command.percentComplete() > 100) {
            throw new InvalidInputException("percentComplete", "must be between 0 and 100");
        }
        InputChecks.optionalText("narrative", command.narrative(), 4000);
        MilestoneStatus status = command.status() != null ? command.status()
                : command.percentComplete() == 100 ? MilestoneStatus.COMPLETED
                : command.percentComplete() == 0 ? MilestoneStatus.NOT_STARTED : MilestoneStatus.IN_PROGRESS;
        if ((status == MilestoneStatus.COMPLETED) != (command.percentComplete() == 100)) {
            throw new InvalidInputException("status", "COMPLETED goes with 100 percent complete, and only with it");
        }
        apply(new MilestoneProgressRecorded(ref.districtId(), ref.planId(), command.milestoneId(), command.asOf(),
                command.percentComplete(), status, strip(command.narrative())));
        return version();
    }

    @CommandHandler
    public long handle(RecordMeasureValue command) {
        requireMeasure(command.measureId());
        if (command.asOf() == null) {
            throw new InvalidInputException("asOf", "must be given");
        }
        InputChecks.optionalText("narrative", command.narrative(), 4000);
        apply(new MeasureValueRecorded(ref.districtId(), ref.planId(), command.measureId(), command.asOf(),
                command.value(), strip(command.narrative())));
        return version();
    }

    @CommandHandler
    public long handle(ChangeMeasureTarget command) {
        MeasureState measure = requireMeasure(command.measureId());
        requireReason(command.reason());
        requireYearInPlan("year", command.year());
        apply(new MeasureTargetChanged(ref.districtId(), ref.planId(), command.measureId(), command.year(),
                measure.targets().get(command.year()), command.value(), command.reason().strip()));
        return version();
    }

    @CommandHandler
    public long handle(ChangeMeasureBaseline command) {
        MeasureState measure = requireMeasure(command.measureId());
        requireReason(command.reason());
        if (command.date() == null) {
            throw new InvalidInputException("date", "must be given");
        }
        apply(new MeasureBaselineChanged(ref.districtId(), ref.planId(), command.measureId(), measure.baselineValue(),
                measure.baselineDate(), command.value(), command.date(), command.reason().strip()));
        return version();
    }

    @CommandHandler
    public long handle(ChangeMilestoneDueDate command) {
        MilestoneState milestone = requireMilestone(command.milestoneId());
        requireReason(command.reason());
        if (command.due() == null || command.due().isBefore(milestone.start())) {
            throw new InvalidInputException("due", "must be on or after the milestone's start " + milestone.start());
        }
        apply(new MilestoneDueDateChanged(ref.districtId(), ref.planId(), command.milestoneId(), milestone.due(),
                command.due(), command.reason().strip()));
        return version();
    }

    /** Computed health can be overridden by the superintendent, never silently: the reason is public. */
    @CommandHandler
    public long handle(OverrideHealth command) {
        if (!measures.containsKey(command.itemId()) && !milestones.containsKey(command.itemId())) {
            throw new NotFoundException("This plan has no measure or milestone " + command.itemId() + ".");
        }
        if (command.health() == Health.NO_DATA) {
            throw new InvalidInputException("health", "must be ON_TRACK, AT_RISK, OFF_TRACK, or null to clear");
        }
        requireReason(command.reason());
        apply(new HealthOverridden(ref.districtId(), ref.planId(), command.itemId(), command.health(),
                command.reason().strip()));
        return version();
    }

    /** Takes the plan from the command: inside the creating constructor, applied events are not sourced yet. */
    private void addGoal(PlanRef plan, GoalDraft goal, String fieldPrefix) {
        InputChecks.text(fieldPrefix + "title", goal.title(), 200);
        InputChecks.optionalText(fieldPrefix + "description", goal.description(), 4000);
        if (goalIds.contains(goal.goalId())) {
            throw new StateConflictException("Goal " + goal.goalId() + " is already part of this plan.");
        }
        if (goalTitles.contains(normalized(goal.title()))) {
            throw new StateConflictException("This plan already has a goal titled '" + goal.title().strip() + "'.");
        }
        if (goalIds.size() >= MAX_GOALS) {
            throw new StateConflictException("A plan holds at most " + MAX_GOALS + " goals.");
        }
        apply(new PlanGoalAdded(plan.districtId(), plan.planId(), goal.goalId(), goal.title().strip(),
                strip(goal.description()), goal.conditions().stream().distinct().toList()));
    }

    @EventSourcingHandler
    void on(StrategicPlanCreated event) {
        this.ref = new PlanRef(event.districtId(), event.planId());
        this.id = ref.toString();
        this.startYear = event.startYear();
        this.endYear = event.endYear();
    }

    @EventSourcingHandler
    void on(PlanGoalAdded event) {
        goalIds.add(event.goalId());
        goalTitles.add(normalized(event.title()));
    }

    @EventSourcingHandler
    void on(MeasureAdded event) {
        Map<Integer, Double> targets = new TreeMap<>();
        event.targets().forEach(t -> targets.put(t.year(), t.value()));
        measures.put(event.measureId(), new MeasureState(event.baselineValue(), event.baselineDate(), targets));
    }

    @EventSourcingHandler
    void on(MeasureTargetChanged event) {
        measures.get(event.measureId()).targets().put(event.year(), event.value());
    }

    @EventSourcingHandler
    void on(MeasureBaselineChanged event) {
        MeasureState old = measures.get(event.measureId());
        measures.put(event.measureId(), new MeasureState(event.value(), event.date(), old.targets()));
    }

    @EventSourcingHandler
    void on(MilestoneAdded event) {
        milestones.put(event.milestoneId(), new MilestoneState(event.owner().id(), event.start(), event.due()));
    }

    @EventSourcingHandler
    void on(MilestoneDueDateChanged event) {
        MilestoneState old = milestones.get(event.milestoneId());
        milestones.put(event.milestoneId(), new MilestoneState(old.ownerId(), old.start(), event.due()));
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    private void requireGoal(String goalId) {
        if (!goalIds.contains(goalId)) {
            throw new NotFoundException("This plan has no goal " + goalId + ".");
        }
    }

    private MeasureState requireMeasure(String measureId) {
        MeasureState measure = measures.get(measureId);
        if (measure == null) {
            throw new NotFoundException("This plan has no measure " + measureId + ".");
        }
        return measure;
    }

    private MilestoneState requireMilestone(String milestoneId) {
        MilestoneState milestone = milestones.get(milestoneId);
        if (milestone == null) {
            throw new NotFoundException("This plan has no milestone " + milestoneId + ".");
        }
        return milestone;
    }

    private void requireYearInPlan(String field, int year) {
        if (year < startYear || year > endYear) {
            throw new InvalidInputException(field, "must be within the plan's years " + startYear + "–" + endYear);
        }
    }

    /** Changing a baseline, target or due date is public and must say why. */
    private static void requireReason(String reason) {
        InputChecks.text("reason", reason, 1000);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String normalized(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }
}
