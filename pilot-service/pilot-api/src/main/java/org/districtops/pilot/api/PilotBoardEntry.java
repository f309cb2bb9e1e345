package org.districtops.pilot.api;

import java.time.LocalDate;

/**
 * One line of the district's pilot board (staff): status, wave, what is due and what waits for a decision. The open
 * cycle is given by number (for people) and by id (for the measurement and completion endpoints).
 */
public record PilotBoardEntry(String pilotId, String title, String modelName, String modelKey, int wave, String status,
                              AlignmentStatus alignment, int cohortSize, Integer openCycle, String openCycleId,
                              LocalDate measurementsDue, int measurementsInOpenCycle, boolean decisionPending,
                              Decision lastDecision) {
}
