package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.vision.api.FindDistrictGoals;
import org.districtops.vision.api.GoalSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;

/** The versioned goal list other services align with (pilots, badges, partner agreements). */
@RestController
public class GoalAlignmentController {

    private final QueryGateway queries;

    public GoalAlignmentController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "v1: every goal of the district's plans (additive changes only)")
    @GetMapping("/public/v1/districts/{districtId}/goals")
    public List<GoalSummary> goals(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindDistrictGoals(districtId), ResponseTypes.multipleInstancesOf(GoalSummary.class))
                .join();
    }
}
