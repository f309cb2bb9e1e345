package org.districtops.vision.api;

import java.time.Instant;
import java.util.List;

/** The public read model of a strategic plan. {@code version} is the plan's event sequence (its ETag). */
public record PublicPlanView(String planId, String districtId, String title, int startYear, int endYear,
                             List<Goal> goals, Instant createdAt, Instant updatedAt, long version) {

    public record Goal(String goalId, String title, String description, List<DistrictCondition> conditions) {
    }
}
