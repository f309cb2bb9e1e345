package org.districtops.vision.api;

import java.util.List;

/** Public event: a goal joined a strategic plan. */
public record PlanGoalAdded(String districtId, String planId, String goalId, String title, String description,
                            List<DistrictCondition> conditions) {
}
