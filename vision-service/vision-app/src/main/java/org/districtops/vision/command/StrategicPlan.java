package org.districtops.vision.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.vision.api.AddPlanGoal;
import org.districtops.vision.api.CreateStrategicPlan;
import org.districtops.vision.api.GoalDraft;
import org.districtops.vision.api.PlanGoalAdded;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.StrategicPlanCreated;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A district's strategic plan. Validates, then applies events; state changes only in the event sourcing
 * handlers, so replaying the events always rebuilds the same plan.
 */
@Aggregate
public class StrategicPlan {

    static final int MAX_PLAN_YEARS = 10;
    static final int MAX_GOALS = 50;

    @AggregateIdentifier
    private String id;
    private final Set<String> goalIds = new HashSet<>();
    private final Set<String> goalTitles = new HashSet<>();

    protected StrategicPlan() {
        // for Axon
    }

    @CommandHandler
    public StrategicPlan(CreateStrategicPlan command) {
        requireText("title", command.title(), 200);
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
    public void handle(AddPlanGoal command) {
        addGoal(command.plan(), command.goal(), "");
    }

    /** Takes the plan from the command: inside the creating constructor, applied events are not sourced yet. */
    private void addGoal(PlanRef plan, GoalDraft goal, String fieldPrefix) {
        requireText(fieldPrefix + "title", goal.title(), 200);
        if (goal.description() != null && goal.description().length() > 4000) {
            throw new InvalidInputException(fieldPrefix + "description", "must be at most 4000 characters");
        }
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
                goal.description() == null ? "" : goal.description().strip(),
                goal.conditions().stream().distinct().toList()));
    }

    @EventSourcingHandler
    void on(StrategicPlanCreated event) {
        this.id = new PlanRef(event.districtId(), event.planId()).toString();
    }

    @EventSourcingHandler
    void on(PlanGoalAdded event) {
        goalIds.add(event.goalId());
        goalTitles.add(normalized(event.title()));
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
    }

    private static String normalized(String title) {
        return title.strip().toLowerCase(Locale.ROOT);
    }
}
