package org.districtops.pilot.api;

import java.time.LocalDate;

/** One line of the district's pilot board (staff): status, wave, what is due and what waits for a decision. */
public record PilotBoardEntry(String pilotId, String title, String modelName, String modelKey, int wave, String status,
                              AlignmentStatus alignment, int cohortSize, Integer openCycle, LocalDate measurementsDue,
                              int measurementsInOpenCycle, boolean decisionPending, Decision lastDecision) {
}
