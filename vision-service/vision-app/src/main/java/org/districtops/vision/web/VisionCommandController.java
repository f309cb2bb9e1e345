package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.AdoptVision;
import org.districtops.vision.api.BoardVote;
import org.districtops.vision.api.CloseCommentPeriod;
import org.districtops.vision.api.CommentAuthorKind;
import org.districtops.vision.api.DraftVision;
import org.districtops.vision.api.ModerateVisionComment;
import org.districtops.vision.api.OpenCommentPeriod;
import org.districtops.vision.api.ReviseVisionDraft;
import org.districtops.vision.api.SubmitVisionComment;
import org.districtops.vision.api.VisionRef;
import org.districtops.vision.api.VisionVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;

/**
 * The district vision's adoption process: superintendents draft, put the draft out for comment, revise and
 * record the board's adoption; district staff and partners comment; superintendents and district staff
 * moderate. Every change accepts If-Match with the vision version (a stale one is a 409) and answers with the
 * new version as ETag.
 */
@RestController
@RequestMapping("/districts/{districtId}/vision")
@SecurityRequirement(name = "bearer")
public class VisionCommandController {

    static final String COMMENT_ID = "[A-Za-z0-9-]{1,64}";
    private static final Set<String> VISION_LEADERS = Set.of("superintendent");
    private static final Set<String> MODERATORS = Set.of("superintendent", "district-staff");
    /** Signed-in commenters, by role; the author kind comes from the token, never from the request body. */
    private static final Map<String, CommentAuthorKind> COMMENTERS = Map.of(
            "district-staff", CommentAuthorKind.STAFF,
            "pd-staff", CommentAuthorKind.STAFF,
            "educator", CommentAuthorKind.STAFF,
            "partner", CommentAuthorKind.PARTNER);

    private final CommandSender commands;

    public VisionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Operation(summary = "Draft the district vision (the first draft, or an amendment after an adoption)")
    @PostMapping("/drafts")
    public ResponseEntity<Map<String, Object>> draft(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Draft body) {
        Actor actor = ActorResolver.require(districtId, VISION_LEADERS);
        VisionVersion result = commands.send(new DraftVision(new VisionRef(districtId), body.statement(),
                body.outcomes(), body.gaps(), body.rationale(), ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.CREATED, link("/districts/{districtId}/vision/draft", districtId), result, Map.of());
    }

    @Operation(summary = "Revise the draft in progress; the summary records how community input changed it")
    @PutMapping("/draft")
    public ResponseEntity<Map<String, Object>> revise(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Revision body) {
        Actor actor = ActorResolver.require(districtId, VISION_LEADERS);
        VisionVersion result = commands.send(new ReviseVisionDraft(new VisionRef(districtId), body.statement(),
                body.outcomes(), body.gaps(), body.rationale(), body.summary(), ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.OK, null, result, Map.of());
    }

    @Operation(summary = "Open a community comment period on the draft in progress, until closesOn (inclusive)")
    @PostMapping("/comment-period")
    public ResponseEntity<Map<String, Object>> openCommentPeriod(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.CommentPeriod body) {
        Actor actor = ActorResolver.require(districtId, VISION_LEADERS);
        VisionVersion result = commands.send(new OpenCommentPeriod(new VisionRef(districtId), body.closesOn(),
                ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.CREATED, link("/public/districts/{districtId}/vision/draft", districtId), result,
                Map.of("closesOn", body.closesOn().toString()));
    }

    @Operation(summary = "Close the open comment period")
    @PostMapping("/comment-period/close")
    public ResponseEntity<Map<String, Object>> closeCommentPeriod(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Actor actor = ActorResolver.require(districtId, VISION_LEADERS);
        VisionVersion result = commands.send(new CloseCommentPeriod(new VisionRef(districtId), ETags.parse(ifMatch)),
                actor);
        return answer(HttpStatus.OK, null, result, Map.of());
    }

    @Operation(summary = "Comment on the draft as district staff or a partner (recorded with the kind of author only)")
    @PostMapping("/comments")
    public ResponseEntity<Map<String, Object>> comment(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Comment body) {
        Actor actor = ActorResolver.require(districtId, COMMENTERS.keySet());
        return submitComment(commands, districtId, COMMENTERS.get(actor.role()), body, ifMatch, actor);
    }

    @Operation(summary = "Approve a comment for public display, or reject it (a rejection needs a reason)")
    @PostMapping("/comments/{commentId}/moderation")
    public ResponseEntity<Map<String, Object>> moderate(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = COMMENT_ID) String commentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Moderation body) {
        Actor actor = ActorResolver.require(districtId, MODERATORS);
        VisionVersion result = commands.send(new ModerateVisionComment(new VisionRef(districtId), commentId,
                body.decision(), body.reason(), ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.OK, null, result, Map.of("commentId", commentId, "moderation", body.decision().name()));
    }

    @Operation(summary = "Record the board's adoption of the draft; needs a closed comment period or a waiverReason")
    @PostMapping("/adoption")
    public ResponseEntity<Map<String, Object>> adopt(
            @PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VisionRequests.Adoption body) {
        Actor actor = ActorResolver.require(districtId, VISION_LEADERS);
        VisionRequests.BoardVote vote = body.boardVote();
        VisionVersion result = commands.send(new AdoptVision(new VisionRef(districtId),
                new BoardVote(vote.date(), vote.votesFor(), vote.votesAgainst(),
                        vote.abstentions() == null ? 0 : vote.abstentions(), vote.meetingReference()),
                body.waiverReason(), ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.CREATED, link("/public/districts/{districtId}/vision", districtId), result,
                Map.of("adoptedOn", vote.date().toString()));
    }

    /** Shared by the signed-in and the anonymous comment endpoints. */
    static ResponseEntity<Map<String, Object>> submitComment(CommandSender commands, String districtId,
                                                             CommentAuthorKind authorKind, VisionRequests.Comment body,
                                                             String ifMatch, Actor actor) {
        String commentId = UUID.randomUUID().toString();
        VisionVersion result = commands.send(new SubmitVisionComment(new VisionRef(districtId), commentId, authorKind,
                body.text(), ETags.parse(ifMatch)), actor);
        return answer(HttpStatus.CREATED, null, result, Map.of("commentId", commentId,
                "authorKind", authorKind.name(), "moderation", "PENDING"));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, URI location, VisionVersion result,
                                                              Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtId", result.districtId());
        body.put("draftNumber", result.draftNumber());
        body.putAll(extra);
        body.put("version", result.version());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(Long.toString(result.version()));
        if (location != null) {
            response.location(location);
        }
        return response.body(body);
    }

    private static URI link(String path, String districtId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(districtId).toUri();
    }
}
