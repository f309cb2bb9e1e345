package org.districtops.vision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtops.vision.api.DistrictCondition;

import java.util.List;

/** Request bodies of the plan API. Unknown properties are rejected (400), not ignored. */
final class PlanRequests {

    private PlanRequests() {
    }

    record CreatePlan(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(2000) @Max(2100) Integer startYear,
            @NotNull @Min(2000) @Max(2100) Integer endYear,
            @Valid Goal firstGoal) {
    }

    record Goal(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 10) List<@NotNull DistrictCondition> conditions) {
    }
}
