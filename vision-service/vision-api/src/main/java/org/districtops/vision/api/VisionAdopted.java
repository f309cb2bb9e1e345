package org.districtops.vision.api;

import java.util.List;

/**
 * Public event: the school board adopted draft {@code draftNumber}; it is now the district vision and the
 * previously adopted one becomes history. Carries the adopted text, so consumers need no other event to know
 * the vision. {@code waiverReason} is "" unless the board adopted without a comment period.
 */
public record VisionAdopted(String districtId, int draftNumber, String statement, List<String> outcomes,
                            List<String> gaps, String rationale, BoardVote boardVote, String waiverReason) {

    public VisionAdopted {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}
