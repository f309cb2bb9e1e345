package org.districtops.pilot.api;

import java.util.List;

/**
 * An entry of the menu of proven models: a model a pilot scaled, with every wave that adopted it, each wave's
 * context, decision, evidence tier and results against its pre-registered criteria.
 */
public record ProvenModel(String modelKey, String districtId, String modelName, ModelType modelType,
                          int bestEvidenceTier, List<Wave> waves) {

    public record Wave(int wave, String pilotId, String title, SchoolLevel schoolLevel, List<String> schools,
                       String cohortSize,
                       String status, Decision decision, Integer evidenceTier, int amendments,
                       List<MetricResult> results) {
    }
}
