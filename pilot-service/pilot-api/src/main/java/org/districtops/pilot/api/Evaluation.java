package org.districtops.pilot.api;

import java.util.List;

/** The service's evaluation of a pilot: per-metric results and the ESSA evidence tier they support (1–4). */
public record Evaluation(String pilotId, ComparisonGroup comparisonGroup, List<MetricResult> metrics,
                         int proposedEvidenceTier, String tierReason) {
}
