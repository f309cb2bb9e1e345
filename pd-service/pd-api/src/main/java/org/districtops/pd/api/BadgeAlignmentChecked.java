package org.districtops.pd.api;

import java.util.List;

/** Public event: the current version's goals were checked against vision-service. */
public record BadgeAlignmentChecked(String districtId, String badgeId, int version, AlignmentStatus alignment,
                                    List<String> unknownGoalIds) {
}
