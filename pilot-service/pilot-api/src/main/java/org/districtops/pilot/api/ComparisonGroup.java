package org.districtops.pilot.api;

/** What the pilot's results are compared with; it sets the strongest evidence tier the pilot can reach. */
public enum ComparisonGroup {
    /** No comparison: a logic model at best (ESSA tier 4). */
    NONE,
    /** The same measure for the same grades the year before (correlational, tier 3). */
    PRIOR_YEAR_BASELINE,
    /** Similar classrooms without the model (quasi-experimental, tier 2). */
    MATCHED_CLASSROOMS,
    /** Classrooms assigned at random (tier 1). */
    RANDOMIZED
}
