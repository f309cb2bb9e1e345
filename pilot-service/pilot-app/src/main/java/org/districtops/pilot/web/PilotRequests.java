package org.districtops.pilot.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.districtops.pilot.api.ComparisonGroup;
import org.districtops.pilot.api.Decision;
import org.districtops.pilot.api.Direction;
import org.districtops.pilot.api.Group;
import org.districtops.pilot.api.Metric;
import org.districtops.pilot.api.ModelType;
import org.districtops.pilot.api.SchoolLevel;
import org.districtops.pilot.api.SuccessCriteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Request bodies of the pilot API. Unknown properties are rejected (400), not ignored. */
final class PilotRequests {

    private PilotRequests() {
    }

    record Propose(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String gap,
            @NotBlank @Size(max = 500) String students,
            @NotNull ModelType modelType,
            @NotBlank @Size(max = 200) String modelName,
            @NotNull SchoolLevel schoolLevel,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> schools,
            @NotNull @Min(1) @Max(10000) Integer classrooms,
            @NotNull @Min(1) @Max(1000000) Integer cohortSize,
            @NotNull LocalDate start,
            @NotNull LocalDate end,
            @Size(max = 10) List<@NotBlank @Size(max = 64) String> goalIds) {
    }

    /** A later wave of a proven model: the model comes from the scaled pilot. */
    record Wave(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String gap,
            @NotBlank @Size(max = 500) String students,
            @NotNull SchoolLevel schoolLevel,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> schools,
            @NotNull @Min(1) @Max(10000) Integer classrooms,
            @NotNull @Min(1) @Max(1000000) Integer cohortSize,
            @NotNull LocalDate start,
            @NotNull LocalDate end,
            @Size(max = 10) List<@NotBlank @Size(max = 64) String> goalIds) {
    }

    record MetricSpec(
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String metricId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String unit,
            @NotNull Direction direction,
            @NotNull Double baseline,
            @NotNull Double target) {
    }

    record Criteria(
            @NotEmpty @Size(max = 10) List<@Valid @NotNull MetricSpec> metrics,
            @NotNull ComparisonGroup comparisonGroup,
            @NotBlank @Size(max = 2000) String decisionRule) {

        /** Metrics without an id get m1, m2, … by position. */
        SuccessCriteria toCriteria() {
            List<Metric> list = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                MetricSpec m = metrics.get(i);
                list.add(new Metric(m.metricId() == null ? "m" + (i + 1) : m.metricId(), m.name(), m.unit(),
                        m.direction(), m.baseline(), m.target()));
            }
            return new SuccessCriteria(list, comparisonGroup, decisionRule);
        }
    }

    record Amendment(@NotNull @Valid Criteria criteria, @NotBlank @Size(max = 1000) String reason) {
    }

    record Launch(@NotNull LocalDate launchedOn) {
    }

    record Cycle(@NotBlank @Size(max = 4000) String plan, @NotNull LocalDate measureBy) {
    }

    record Measurement(
            @NotBlank @Size(max = 64) String metricId,
            @NotNull Group group,
            @NotBlank @Size(max = 200) String unit,
            @NotNull Double value,
            @NotNull @Min(0) @Max(100000) Integer students) {
    }

    record Completion(@NotBlank @Size(max = 4000) String observed, @Size(max = 4000) String nextChanges) {
    }

    record DecisionRequest(@NotNull Decision decision, @NotBlank @Size(max = 4000) String rationale) {
    }
}
