package org.districtops.pilot.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.security.ActorResolver;
import org.districtops.pilot.api.*;
import org.districtops.pilot.query.PilotProjection;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Pilot leads and the superintendent run a pilot's lifecycle, from proposal to decision, and scale models. */
@RestController
@RequestMapping("/districts/{districtId}")
@SecurityRequirement(name = "bearer")
public class PilotCommandController {

    static final String DISTRICT_ID = "[a-z0-9][a-z0-9-]{1,63}";
    static final String ITEM_ID = "[A-Za-z0-9-]{1,64}";
    static final Set<String> LEADS = Set.of("superintendent", "district-staff");

    private final CommandSender commands;
    private final VisionGoalsClient visionGoals;
    private final PilotProjection pilots;

    public PilotCommandController(CommandSender commands, VisionGoalsClient visionGoals, PilotProjection pilots) {
        this.commands = commands;
        this.visionGoals = visionGoals;
        this.pilots = pilots;
    }

    @Operation(summary = "Propose a pilot; its goals are checked against vision-service (UNVERIFIED while it is down)")
    @PostMapping("/pilots")
    public ResponseEntity<Map<String, Object>> propose(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                       @Valid @RequestBody PilotRequests.Propose b) {
        Actor actor = ActorResolver.require(districtId, LEADS);
        return proposed(districtId, actor, b.title(), b.gap(), b.students(), b.modelType(), b.modelName(),
                b.schoolLevel(), b.schools(),
                b.classrooms(), b.cohortSize(), b.start(), b.end(), b.goalIds(), null, 1);
    }

    @Operation(summary = "Propose the next wave of a proven model in more schools")
    @PostMapping("/proven-models/{modelKey}/waves")
    public ResponseEntity<Map<String, Object>> proposeWave(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                           @PathVariable @Pattern(regexp = ITEM_ID) String modelKey,
                                                           @Valid @RequestBody PilotRequests.Wave b) {
        Actor actor = ActorResolver.require(districtId, LEADS);
        List<ProvenModel> models = pilots.handle(new FindProvenModels(districtId));
        ProvenModel model = models.stream().filter(m -> m.modelKey().equals(modelKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("No proven model " + modelKey + " in " + districtId
                        + " (a model is proven once a pilot of it is scaled)."));
        int wave = model.waves().stream().mapToInt(ProvenModel.Wave::wave).max().orElse(1) + 1;
        return proposed(districtId, actor, b.title(), b.gap(), b.students(), model.modelType(), model.modelName(),
                b.schoolLevel(), b.schools(), b.classrooms(), b.cohortSize(), b.start(), b.end(), b.goalIds(), modelKey, wave);
    }

    private ResponseEntity<Map<String, Object>> proposed(String districtId, Actor actor, String title, String gap,
                                                         String students, ModelType modelType, String modelName,
                                                         SchoolLevel schoolLevel, List<String> schools, int classrooms, int cohortSize,
                                                         java.time.LocalDate start, java.time.LocalDate end,
                                                         List<String> goalIds, String adoptsModelOf, int wave) {
        PilotRef pilot = new PilotRef(districtId, UUID.randomUUID().toString());
        VisionGoalsClient.GoalCheck alignment = visionGoals.check(districtId, goalIds);
        AlignmentStatus alignmentStatus = alignment.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                AlignmentStatus.UNVERIFIED);
        if (alignmentStatus == AlignmentStatus.INVALID) {
            throw new org.districtops.kit.errors.InvalidInputException("goalIds",
                    "not goals of the district's plan: " + alignment.unknownGoalIds());
        }
        commands.send(new ProposePilot(pilot, title, gap, students, modelType, modelName, schoolLevel, schools,
                classrooms,
                cohortSize, start, end, goalIds, alignmentStatus, adoptsModelOf, wave), actor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pilotId", pilot.pilotId());
        body.put("wave", wave);
        body.put("modelKey", adoptsModelOf == null ? pilot.pilotId() : adoptsModelOf);
        body.put("alignment", alignmentStatus);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    record Sharing(@jakarta.validation.constraints.NotNull Boolean shared) {
    }

    @Operation(summary = "Share (or stop sharing) the district's proven models with the other districts")
    @PutMapping("/proven-model-sharing")
    public Map<String, Object> share(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                     @Valid @RequestBody Sharing b) {
        commands.send(new SetProvenModelSharing(new SharingRef(districtId), b.shared()),
                ActorResolver.require(districtId, Set.of("superintendent")));
        return Map.of("districtId", districtId, "shared", b.shared());
    }

    @Operation(summary = "Pre-register the success criteria (before launch; replaces earlier ones)")
    @PutMapping("/pilots/{pilotId}/criteria")
    public Map<String, Object> preRegister(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                           @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                           @Valid @RequestBody PilotRequests.Criteria b) {
        commands.send(new PreRegisterCriteria(new PilotRef(districtId, pilotId), b.toCriteria()),
                ActorResolver.require(districtId, LEADS));
        return Map.of("pilotId", pilotId, "criteria", "pre-registered");
    }

    @Operation(summary = "Amend locked criteria after launch, with a public reason")
    @PostMapping("/pilots/{pilotId}/criteria-amendments")
    public ResponseEntity<Map<String, Object>> amend(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                                     @Valid @RequestBody PilotRequests.Amendment b) {
        commands.send(new AmendCriteria(new PilotRef(districtId, pilotId), b.criteria().toCriteria(), b.reason()),
                ActorResolver.require(districtId, LEADS));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("pilotId", pilotId));
    }

    @Operation(summary = "Launch the pilot: its criteria are locked from now on")
    @PostMapping("/pilots/{pilotId}/launch")
    public Map<String, Object> launch(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                      @Valid @RequestBody PilotRequests.Launch b) {
        commands.send(new LaunchPilot(new PilotRef(districtId, pilotId), b.launchedOn()),
                ActorResolver.require(districtId, LEADS));
        return Map.of("pilotId", pilotId, "status", "LAUNCHED");
    }

    @Operation(summary = "Start a plan-do-study-act cycle")
    @PostMapping("/pilots/{pilotId}/cycles")
    public ResponseEntity<Map<String, Object>> startCycle(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                          @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                                          @Valid @RequestBody PilotRequests.Cycle b) {
        String cycleId = UUID.randomUUID().toString();
        commands.send(new StartCycle(new PilotRef(districtId, pilotId), cycleId, b.plan(), b.measureBy()),
                ActorResolver.require(districtId, LEADS));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("pilotId", pilotId, "cycleId", cycleId));
    }

    @Operation(summary = "Record an aggregate measurement of one school or classroom (never of a student)")
    @PostMapping("/pilots/{pilotId}/cycles/{cycleId}/measurements")
    public ResponseEntity<Map<String, Object>> measure(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                       @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                                       @PathVariable @Pattern(regexp = ITEM_ID) String cycleId,
                                                       @Valid @RequestBody PilotRequests.Measurement b) {
        commands.send(new RecordMeasurement(new PilotRef(districtId, pilotId), cycleId, b.metricId(), b.group(),
                b.unit(), b.value(), b.students()), ActorResolver.require(districtId, LEADS));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("pilotId", pilotId, "cycleId", cycleId));
    }

    @Operation(summary = "Complete the open cycle with what was observed and what changes next")
    @PostMapping("/pilots/{pilotId}/cycles/{cycleId}/completion")
    public Map<String, Object> completeCycle(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                             @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                             @PathVariable @Pattern(regexp = ITEM_ID) String cycleId,
                                             @Valid @RequestBody PilotRequests.Completion b) {
        commands.send(new CompleteCycle(new PilotRef(districtId, pilotId), cycleId, b.observed(), b.nextChanges()),
                ActorResolver.require(districtId, LEADS));
        return Map.of("pilotId", pilotId, "cycleId", cycleId, "completed", true);
    }

    @Operation(summary = "Record the decision; the pilot records the evidence tier its evaluation supports")
    @PostMapping("/pilots/{pilotId}/decision")
    public ResponseEntity<Map<String, Object>> decide(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                      @PathVariable @Pattern(regexp = ITEM_ID) String pilotId,
                                                      @Valid @RequestBody PilotRequests.DecisionRequest b) {
        int tier = commands.send(new DecidePilot(new PilotRef(districtId, pilotId), b.decision(), b.rationale()),
                ActorResolver.require(districtId, LEADS));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("pilotId", pilotId, "decision", b.decision(),
                "evidenceTier", tier));
    }
}
