package org.districtops.vision.api;

import java.time.LocalDate;

/** Public event: a milestone's due date moved, and why. */
public record MilestoneDueDateChanged(String districtId, String planId, String milestoneId, LocalDate previousDue,
                                      LocalDate due, String reason) {
}
