package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.vision.api.CommentAuthorKind;
import org.districtops.vision.api.FindPublicVision;
import org.districtops.vision.api.FindPublicVisionDraft;
import org.districtops.vision.api.PublicVisionDraftView;
import org.districtops.vision.api.PublicVisionView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;

/**
 * Anonymous: the public reads the adopted district vision and the draft out for comment, and may comment on it.
 * Only approved comments are shown, never pending or rejected ones, and never who wrote them.
 */
@RestController
@RequestMapping("/public/districts/{districtId}/vision")
public class PublicVisionController {

    /** Anonymous comments are attributed to nobody: no account, no name, no address. */
    static final String ANONYMOUS = "anonymous";
    static final String PUBLIC_ROLE = "public";

    private final QueryGateway queries;
    private final CommandSender commands;

    public PublicVisionController(QueryGateway queries, CommandSender commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(summary = "The adopted district vision, its board vote, its history and the approved comments")
    @GetMapping
    public ResponseEntity<PublicVisionView> vision(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        PublicVisionView view = queries.query(new FindPublicVision(districtId),
                        ResponseTypes.optionalInstanceOf(PublicVisionView.class)).join()
                .orElseThrow(() -> new NotFoundException("District " + districtId + " has not adopted a vision yet."));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    @Operation(summary = "The draft vision out for community comment, with its comment period and approved comments")
    @GetMapping("/draft")
    public ResponseEntity<PublicVisionDraftView> draft(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        PublicVisionDraftView view = queries.query(new FindPublicVisionDraft(districtId),
                        ResponseTypes.optionalInstanceOf(PublicVisionDraftView.class)).join()
                .orElseThrow(() -> new NotFoundException("District " + districtId
                        + " has no draft vision out for comment."));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    @Operation(summary = "Comment on the draft vision anonymously while its comment period is open")
    @PostMapping("/comments")
    public ResponseEntity<Map<String, Object>> comment(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Comment body) {
        return VisionCommandController.submitComment(commands, districtId, CommentAuthorKind.PUBLIC, body, ifMatch,
                new Actor(ANONYMOUS, PUBLIC_ROLE, districtId));
    }
}
