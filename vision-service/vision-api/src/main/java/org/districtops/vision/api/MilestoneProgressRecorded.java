package org.districtops.vision.api;

import java.time.LocalDate;

/** Public event: a dated progress update of a milestone. */
public record MilestoneProgressRecorded(String districtId, String planId, String milestoneId, LocalDate asOf,
                                        int percentComplete, MilestoneStatus status,
                                        String narrative) {
}
