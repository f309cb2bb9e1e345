package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.security.ActorResolver;
import org.districtops.vision.api.FetchPlanAttention;
import org.districtops.vision.api.PlanAttention;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;
import static org.districtops.vision.web.PlanCommandController.ITEM_ID;

/** The superintendent's view of what needs attention: stale and overdue milestones and owners' workload. */
@RestController
@SecurityRequirement(name = "bearer")
public class PlanAttentionController {

    private static final Set<String> LEADERS = Set.of("superintendent", "district-staff");

    private final QueryGateway queries;

    public PlanAttentionController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "Stale and overdue milestones, owners' workload and recent updates, as of a date")
    @GetMapping("/districts/{districtId}/plans/{planId}/attention")
    public PlanAttention attention(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                   @PathVariable @Pattern(regexp = ITEM_ID) String planId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ActorResolver.require(districtId, LEADERS);
        return queries.query(new FetchPlanAttention(districtId, planId, asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf),
                        ResponseTypes.optionalInstanceOf(PlanAttention.class)).join()
                .orElseThrow(() -> new NotFoundException("No plan " + planId + " in " + districtId));
    }
}
