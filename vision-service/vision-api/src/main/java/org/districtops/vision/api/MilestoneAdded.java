package org.districtops.vision.api;

import java.time.LocalDate;
import java.util.List;

/** Public event: a goal got a milestone with its accountable owner and dates. */
public record MilestoneAdded(String districtId, String planId, String goalId, String milestoneId, String title,
                             Owner owner, List<String> collaborators, LocalDate start, LocalDate due, int weight,
                             int updateCadenceDays) {
}
