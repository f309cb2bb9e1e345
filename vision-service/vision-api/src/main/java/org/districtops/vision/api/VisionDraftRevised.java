package org.districtops.vision.api;

import java.util.List;

/** Public event: the draft in progress was revised; {@code summary} records how community input changed it. */
public record VisionDraftRevised(String districtId, int draftNumber, String statement, List<String> outcomes,
                                 List<String> gaps, String rationale, String summary) {

    public VisionDraftRevised {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
