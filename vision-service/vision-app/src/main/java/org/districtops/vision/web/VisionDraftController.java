package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.FetchVisionDraft;
import org.districtops.vision.api.VisionDraftView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;

/** District leaders see the draft in progress with every comment, pending and rejected ones included. */
@RestController
@RequestMapping("/districts/{districtId}/vision/draft")
@SecurityRequirement(name = "bearer")
public class VisionDraftController {

    private static final Set<String> READERS = Set.of("superintendent", "district-staff");

    private final QueryGateway queries;

    public VisionDraftController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The draft in progress with all comments and their moderation state; ETag = vision version")
    @GetMapping
    public ResponseEntity<VisionDraftView> draft(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        ActorResolver.require(districtId, READERS);
        VisionDraftView view = queries.query(new FetchVisionDraft(districtId),
                        ResponseTypes.optionalInstanceOf(VisionDraftView.class)).join()
                .orElseThrow(() -> new NotFoundException("There is no draft vision in progress in " + districtId + "."));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
