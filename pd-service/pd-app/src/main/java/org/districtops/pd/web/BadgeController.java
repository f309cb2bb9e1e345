package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;
import static org.districtops.pd.web.PdRequests.ITEM_ID;

/** PD staff keep the badge catalog; anyone may read it. */
@RestController
@Validated
public class BadgeController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final VisionGoalsClient visionGoals;

    public BadgeController(CommandSender commands, QueryGateway queries, VisionGoalsClient visionGoals) {
        this.commands = commands;
        this.queries = queries;
        this.visionGoals = visionGoals;
    }

    @Operation(summary = "Define a badge; its goals are checked against vision-service (UNVERIFIED while it is down)")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/districts/{districtId}/badges")
    public ResponseEntity<Map<String, Object>> define(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                      @Valid @RequestBody PdRequests.Badge b) {
        var actor = Access.staff(districtId);
        BadgeRef badge = new BadgeRef(districtId, UUID.randomUUID().toString());
        AlignmentStatus alignment = alignment(districtId, b.goalIds());
        requireKnownBadges(districtId, b.requiredBadgeIds());
        commands.send(new DefineBadge(badge, b.toTerms(), alignment), actor);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("badgeId", badge.badgeId());
        body.put("version", 1);
        body.put("alignment", alignment);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @Operation(summary = "Revise a badge: a new version; earlier awards keep theirs")
    @SecurityRequirement(name = "bearer")
    @PutMapping("/districts/{districtId}/badges/{badgeId}")
    public Map<String, Object> revise(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                      @Valid @RequestBody PdRequests.Badge b) {
        var actor = Access.staff(districtId);
        AlignmentStatus alignment = alignment(districtId, b.goalIds());
        requireKnownBadges(districtId, b.requiredBadgeIds());
        int version = commands.send(new ReviseBadge(new BadgeRef(districtId, badgeId), b.toTerms(), alignment), actor);
        return Map.of("badgeId", badgeId, "version", version, "alignment", alignment);
    }

    @Operation(summary = "Retire a badge: no new awards; existing awards stay valid")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/districts/{districtId}/badges/{badgeId}/retirement")
    public Map<String, Object> retire(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                      @Valid @RequestBody PdRequests.Reason b) {
        commands.send(new RetireBadge(new BadgeRef(districtId, badgeId), b.reason()), Access.staff(districtId));
        return Map.of("badgeId", badgeId, "retired", true);
    }

    @Operation(summary = "The district's badge catalog")
    @GetMapping("/public/districts/{districtId}/badges")
    public List<BadgeView> catalog(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindCatalog(districtId), ResponseTypes.multipleInstancesOf(BadgeView.class)).join();
    }

    @Operation(summary = "One badge with all its versions")
    @GetMapping("/public/districts/{districtId}/badges/{badgeId}")
    public BadgeView badge(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                           @PathVariable @Pattern(regexp = ITEM_ID) String badgeId) {
        return queries.query(new FindBadge(districtId, badgeId), ResponseTypes.optionalInstanceOf(BadgeView.class))
                .join().orElseThrow(() -> new NotFoundException("No badge " + badgeId + " in " + districtId));
    }

    @Operation(summary = "One version of a badge (the Achievement id of credentials awarded under it)")
    @GetMapping("/public/districts/{districtId}/badges/{badgeId}/versions/{version}")
    public BadgeView.Version version(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                     @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                     @PathVariable int version) {
        BadgeView.Version v = badge(districtId, badgeId).at(version);
        if (v == null) {
            throw new NotFoundException("Badge " + badgeId + " has no version " + version);
        }
        return v;
    }

    private AlignmentStatus alignment(String districtId, List<String> goalIds) {
        VisionGoalsClient.GoalCheck check = visionGoals.check(districtId, goalIds);
        AlignmentStatus checkStatus = check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                AlignmentStatus.UNVERIFIED);
        if (checkStatus == AlignmentStatus.INVALID) {
            throw new InvalidInputException("goalIds", "not goals of the district's plan: " + check.unknownGoalIds());
        }
        return checkStatus;
    }

    private void requireKnownBadges(String districtId, List<String> badgeIds) {
        if (badgeIds == null) {
            return;
        }
        for (String id : badgeIds) {
            if (queries.query(new FindBadge(districtId, id), ResponseTypes.optionalInstanceOf(BadgeView.class)).join().isEmpty()) {
                throw new InvalidInputException("requiredBadgeIds", "no badge " + id + " in the catalog");
            }
        }
    }
}
