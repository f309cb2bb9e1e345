package org.districtops.kit.readside;

import io.swagger.v3.oas.annotations.Operation;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admin rebuild of the read side (see docs/runbooks/replay.md). Only a platform operator ({@code platform-admin})
 * may start or watch it: it changes no fact, but it re-derives every district's views on a shared deployment and
 * loads the service, so it is not a district's decision (a superintendent acts for one district only).
 */
@RestController
public class RebuildController {

    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);
    public static final String PLATFORM_ADMIN = "platform-admin";
    static final Set<String> OPERATORS = Set.of(PLATFORM_ADMIN);

    private final ProjectionRebuilds rebuilds;

    public RebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "The projections this service can rebuild: processing group and its handler beans")
    @GetMapping("/admin/read-side/projections")
    public Map<String, List<String>> projections() {
        ActorResolver.requireRole(OPERATORS);
        return rebuilds.projections();
    }

    @Operation(summary = "Rebuild one projection (processingGroup) or all into new collections, then switch over (platform-admin)")
    @PostMapping("/admin/read-side/rebuilds")
    public ResponseEntity<RebuildStatus> start(@RequestParam(required = false) String processingGroup) {
        Actor actor = ActorResolver.requireRole(OPERATORS);
        RebuildStatus status = rebuilds.start(processingGroup == null || processingGroup.isBlank() ? null : processingGroup);
        log.info("Read side rebuild {} of {} requested by {} ({})", status.id(), status.processingGroups(),
                actor.id(), actor.role());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status);
    }

    @Operation(summary = "Progress of the current or last rebuild: events done/total, rate, time left, state")
    @GetMapping("/admin/read-side/rebuilds/current")
    public RebuildStatus current() {
        ActorResolver.requireRole(OPERATORS);
        RebuildStatus status = rebuilds.current();
        if (status == null) {
            throw new NotFoundException("No rebuild has run since the service started");
        }
        return status;
    }
}
