package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.AddMeasure;
import org.districtops.vision.api.AddMilestone;
import org.districtops.vision.api.AddPlanGoal;
import org.districtops.vision.api.CreateStrategicPlan;
import org.districtops.vision.api.GoalDraft;
import org.districtops.vision.api.Owner;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.YearTarget;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Superintendents shape the strategic plan: the plan, its goals, and each goal's measures and milestones. */
@RestController
@RequestMapping("/districts/{districtId}/plans")
@SecurityRequirement(name = "bearer")
public class PlanCommandController {

    static final String DISTRICT_ID = "[a-z0-9][a-z0-9-]{1,63}";
    static final String ITEM_ID = "[A-Za-z0-9-]{1,64}";
    static final Set<String> PLAN_EDITORS = Set.of("superintendent");

    private final CommandSender commands;

    public PlanCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create the district's strategic plan, optionally with its first goal")
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                      @Valid @RequestBody PlanRequests.CreatePlan body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        PlanRef plan = new PlanRef(districtId, UUID.randomUUID().toString());
        GoalDraft firstGoal = body.firstGoal() == null ? null : draft(body.firstGoal());
        commands.send(new CreateStrategicPlan(plan, body.title(), body.startYear(), body.endYear(), firstGoal), actor);
        long version = firstGoal == null ? 0 : 1;
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/public/districts/{districtId}/plans/{planId}")
                        .buildAndExpand(districtId, plan.planId()).toUri())
                .eTag(Long.toString(version))
                .body(Map.of("planId", plan.planId(), "districtId", districtId, "version", version));
    }

    @Operation(summary = "Add a goal to a plan; send If-Match with the plan version to guard against lost updates")
    @PostMapping("/{planId}/goals")
    public ResponseEntity<Map<String, Object>> addGoal(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.Goal body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        GoalDraft goal = draft(body);
        long version = commands.send(new AddPlanGoal(new PlanRef(districtId, planId), goal, ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("planId", planId, "goalId", goal.goalId()));
    }

    @Operation(summary = "Add a measure (unit, direction, baseline, yearly targets) to a goal")
    @PostMapping("/{planId}/goals/{goalId}/measures")
    public ResponseEntity<Map<String, Object>> addMeasure(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String goalId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.Measure body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        String measureId = UUID.randomUUID().toString();
        long version = commands.send(new AddMeasure(new PlanRef(districtId, planId), goalId, measureId, body.name(),
                body.unit(), body.direction(), body.baselineValue(), body.baselineDate(),
                body.targets().stream().map(t -> new YearTarget(t.year(), t.value())).toList(),
                ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("planId", planId, "goalId", goalId, "measureId", measureId));
    }

    @Operation(summary = "Add a milestone with one accountable owner to a goal")
    @PostMapping("/{planId}/goals/{goalId}/milestones")
    public ResponseEntity<Map<String, Object>> addMilestone(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String goalId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.Milestone body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        String milestoneId = UUID.randomUUID().toString();
        long version = commands.send(new AddMilestone(new PlanRef(districtId, planId), goalId, milestoneId,
                body.title(), new Owner(body.owner().id(), body.owner().name()), body.collaborators(), body.start(),
                body.due(), body.weight() == null ? 1 : body.weight(),
                body.updateCadenceDays() == null ? 30 : body.updateCadenceDays(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("planId", planId, "goalId", goalId, "milestoneId", milestoneId));
    }

    private static GoalDraft draft(PlanRequests.Goal goal) {
        return new GoalDraft(UUID.randomUUID().toString(), goal.title(), goal.description(), goal.conditions());
    }
}
