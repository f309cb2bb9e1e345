package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.ChangeMeasureBaseline;
import org.districtops.vision.api.ChangeMeasureTarget;
import org.districtops.vision.api.ChangeMilestoneDueDate;
import org.districtops.vision.api.OverrideHealth;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.RecordMeasureValue;
import org.districtops.vision.api.RecordMilestoneProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;
import static org.districtops.vision.web.PlanCommandController.ITEM_ID;
import static org.districtops.vision.web.PlanCommandController.PLAN_EDITORS;

/**
 * Progress changes only through dated updates; baselines, targets and due dates change only with a reason,
 * which the public change log shows. If-Match with the plan version turns a concurrent change into a 409.
 */
@RestController
@RequestMapping("/districts/{districtId}/plans/{planId}")
@SecurityRequirement(name = "bearer")
public class ProgressCommandController {

    /** Owners are district staff; the plan itself checks that a milestone update comes from its owner. */
    private static final Set<String> REPORTERS = Set.of("superintendent", "district-staff");

    private final CommandSender commands;

    public ProgressCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Record a dated progress update of a milestone (its owner or the superintendent)")
    @PostMapping("/milestones/{milestoneId}/updates")
    public ResponseEntity<Map<String, Object>> recordProgress(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.Progress body) {
        Actor actor = ActorResolver.require(districtId, REPORTERS);
        long version = commands.send(new RecordMilestoneProgress(new PlanRef(districtId, planId), milestoneId,
                body.asOf(), body.percentComplete(), body.status(), body.narrative(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("milestoneId", milestoneId));
    }

    @Operation(summary = "Record the actual value of a measure on a date")
    @PostMapping("/measures/{measureId}/values")
    public ResponseEntity<Map<String, Object>> recordValue(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String measureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.MeasureValue body) {
        Actor actor = ActorResolver.require(districtId, REPORTERS);
        long version = commands.send(new RecordMeasureValue(new PlanRef(districtId, planId), measureId, body.asOf(),
                body.value(), body.narrative(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("measureId", measureId));
    }

    @Operation(summary = "Change a yearly target, with the reason the public will see")
    @PostMapping("/measures/{measureId}/target-changes")
    public ResponseEntity<Map<String, Object>> changeTarget(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String measureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.TargetChange body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        long version = commands.send(new ChangeMeasureTarget(new PlanRef(districtId, planId), measureId, body.year(),
                body.value(), body.reason(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("measureId", measureId));
    }

    @Operation(summary = "Correct a measure's baseline, with the reason the public will see")
    @PostMapping("/measures/{measureId}/baseline-changes")
    public ResponseEntity<Map<String, Object>> changeBaseline(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String measureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.BaselineChange body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        long version = commands.send(new ChangeMeasureBaseline(new PlanRef(districtId, planId), measureId,
                body.value(), body.date(), body.reason(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("measureId", measureId));
    }

    @Operation(summary = "Override the computed health of a measure or milestone (health null clears it), with a public reason")
    @PostMapping("/health-overrides/{itemId}")
    public ResponseEntity<Map<String, Object>> overrideHealth(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String itemId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.HealthOverride body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        long version = commands.send(new OverrideHealth(new PlanRef(districtId, planId), itemId, body.health(),
                body.reason(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("itemId", itemId));
    }

    @Operation(summary = "Move a milestone's due date, with the reason the public will see")
    @PostMapping("/milestones/{milestoneId}/due-date-changes")
    public ResponseEntity<Map<String, Object>> changeDueDate(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = ITEM_ID) String planId,
            @PathVariable @Pattern(regexp = ITEM_ID) String milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.DueDateChange body) {
        Actor actor = ActorResolver.require(districtId, PLAN_EDITORS);
        long version = commands.send(new ChangeMilestoneDueDate(new PlanRef(districtId, planId), milestoneId,
                body.due(), body.reason(), ETags.parse(ifMatch)), actor);
        return ETags.created(version, Map.of("milestoneId", milestoneId));
    }
}
