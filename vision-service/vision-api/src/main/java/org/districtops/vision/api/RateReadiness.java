package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rate the district on one of the ten District Conditions for Scale, 1 (not yet) to 4 (in place), with
 * evidence notes. The first rating of a year starts that year's assessment; a rating can be revised until
 * the assessment is completed.
 */
public record RateReadiness(@TargetAggregateIdentifier ReadinessRef assessment, DistrictCondition condition,
                            int rating, String evidence) {
}
