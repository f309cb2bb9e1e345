package org.districtops.partnership.api;

import java.util.List;

/** Public event: an agreement signed while vision-service was down had its goals checked against the plan. */
public record AgreementAlignmentChecked(String districtId, String partnerId, AlignmentStatus alignment,
                                        List<String> unknownGoalIds) {
}
