package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.vision.api.FindPublicPlan;
import org.districtops.vision.api.FindPublicPlans;
import org.districtops.vision.api.PublicPlanView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** Anonymous, read-only: the public sees each district's strategic plans. */
@RestController
@RequestMapping("/public/districts/{districtId}/plans")
public class PublicPlanController {

    private final QueryGateway queries;

    public PublicPlanController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The district's strategic plans, oldest first")
    @GetMapping
    public List<PublicPlanView> plans(@PathVariable @Pattern(regexp = PlanCommandController.DISTRICT_ID) String districtId) {
        return queries.query(new FindPublicPlans(districtId), ResponseTypes.multipleInstancesOf(PublicPlanView.class))
                .join();
    }

    @Operation(summary = "One strategic plan, with its goals")
    @GetMapping("/{planId}")
    public ResponseEntity<PublicPlanView> plan(
            @PathVariable @Pattern(regexp = PlanCommandController.DISTRICT_ID) String districtId,
            @PathVariable @Pattern(regexp = PlanCommandController.PLAN_ID) String planId) {
        Optional<PublicPlanView> plan = queries.query(new FindPublicPlan(districtId, planId),
                ResponseTypes.optionalInstanceOf(PublicPlanView.class)).join();
        PublicPlanView view = plan.orElseThrow(() -> new NotFoundException("No plan " + planId + " in " + districtId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
