package org.districtops.vision.api;

import java.util.List;

/**
 * Version 1 of the goal-alignment contract other services read at {@code GET /public/v1/districts/{id}/goals}.
 * Changes are additive only; a breaking change gets a v2 path beside this one.
 */
public record GoalSummary(String goalId, String planId, String planTitle, String title,
                          List<DistrictCondition> conditions) {
}
