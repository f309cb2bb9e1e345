package org.districtops.vision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtops.vision.api.Direction;
import org.districtops.vision.api.Health;
import org.districtops.vision.api.MilestoneStatus;
import org.districtops.vision.api.DistrictCondition;

import java.time.LocalDate;
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

    record Measure(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String unit,
            @NotNull Direction direction,
            @NotNull Double baselineValue,
            @NotNull LocalDate baselineDate,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull Target> targets) {
    }

    record Target(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Double value) {
    }

    record Milestone(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Valid Owner owner,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> collaborators,
            @NotNull LocalDate start,
            @NotNull LocalDate due,
            @Min(1) @Max(100) Integer weight,
            @Min(1) @Max(366) Integer updateCadenceDays) {
    }

    record Owner(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 200) String name) {
    }

    record Progress(
            @NotNull LocalDate asOf,
            @NotNull @Min(0) @Max(100) Integer percentComplete,
            MilestoneStatus status,
            @Size(max = 4000) String narrative) {
    }

    record MeasureValue(@NotNull LocalDate asOf, @NotNull Double value, @Size(max = 4000) String narrative) {
    }

    record TargetChange(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull Double value,
                        @NotBlank @Size(max = 1000) String reason) {
    }

    record BaselineChange(@NotNull Double value, @NotNull LocalDate date, @NotBlank @Size(max = 1000) String reason) {
    }

    record HealthOverride(Health health, @NotBlank @Size(max = 1000) String reason) {
    }

    record DueDateChange(@NotNull LocalDate due, @NotBlank @Size(max = 1000) String reason) {
    }
}
