package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.CompleteReadinessAssessment;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.FindReadinessHistory;
import org.districtops.vision.api.RateReadiness;
import org.districtops.vision.api.ReadinessHistory;
import org.districtops.vision.api.ReadinessRef;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;

/** The yearly readiness self-assessment on the ten District Conditions for Scale, and its public history. */
@RestController
public class ReadinessController {

    private static final Set<String> ASSESSORS = Set.of("superintendent");

    private final CommandSender commands;
    private final QueryGateway queries;

    public ReadinessController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record Rating(@NotNull @Min(1) @Max(4) Integer rating, @Size(max = 4000) String evidence) {
    }

    @Operation(summary = "Rate one condition (1 not yet … 4 in place) for the school year ending in {year}")
    @SecurityRequirement(name = "bearer")
    @PutMapping("/districts/{districtId}/readiness/{year}/{condition}")
    public ResponseEntity<Map<String, Object>> rate(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                    @PathVariable @Min(2000) @Max(2100) int year,
                                                    @PathVariable DistrictCondition condition,
                                                    @Valid @RequestBody Rating body) {
        Actor actor = ActorResolver.require(districtId, ASSESSORS);
        commands.send(new RateReadiness(new ReadinessRef(districtId, year), condition, body.rating(), body.evidence()),
                actor);
        return ResponseEntity.ok(Map.of("year", year, "condition", condition, "rating", body.rating()));
    }

    @Operation(summary = "Complete the year's assessment once all ten conditions are rated")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/districts/{districtId}/readiness/{year}/completion")
    public ResponseEntity<Map<String, Object>> complete(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                        @PathVariable @Min(2000) @Max(2100) int year) {
        Actor actor = ActorResolver.require(districtId, ASSESSORS);
        commands.send(new CompleteReadinessAssessment(new ReadinessRef(districtId, year)), actor);
        return ResponseEntity.ok(Map.of("year", year, "completed", true));
    }

    @Operation(summary = "Completed assessments per condition, with movement since the year before")
    @GetMapping("/public/districts/{districtId}/readiness")
    public ReadinessHistory history(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindReadinessHistory(districtId), ResponseTypes.instanceOf(ReadinessHistory.class))
                .join();
    }
}
