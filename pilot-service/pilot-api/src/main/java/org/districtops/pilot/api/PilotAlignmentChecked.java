package org.districtops.pilot.api;

import java.util.List;

/** Public event: the pilot's goals were checked against the district's plan. */
public record PilotAlignmentChecked(String districtId, String pilotId, AlignmentStatus alignment,
                                    List<String> unknownGoalIds) {
}
