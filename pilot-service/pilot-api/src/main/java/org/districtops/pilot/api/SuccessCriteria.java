package org.districtops.pilot.api;

import java.util.List;

/** Pre-registered before launch: metrics, the comparison group and the rule the decision will follow. */
public record SuccessCriteria(List<Metric> metrics, ComparisonGroup comparisonGroup, String decisionRule) {
}
