package org.districtops.vision.api;

import java.util.List;

/**
 * Public event: a district drafted its vision. Draft 1 is the first vision; a higher number is an amendment
 * started after an adoption. The adopted vision stays in force until the board adopts the new draft.
 */
public record VisionDrafted(String districtId, int draftNumber, String statement, List<String> outcomes,
                            List<String> gaps, String rationale) {

    public VisionDrafted {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
