package org.districtops.pilot.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pilot as the public sees it: what was pre-registered, every amendment with its reason, each cycle with its
 * aggregate measurements, the decisions, and the service's evaluation. Student counts below 10 show as "&lt;10"
 * and the value of a unit with fewer than 10 students is withheld.
 */
public record PilotView(String pilotId, String districtId, String title, String gap, String students,
                        ModelType modelType, String modelName, SchoolLevel schoolLevel, List<String> schools,
                        int classrooms,
                        String cohortSize, LocalDate start, LocalDate end, int wave, String modelKey, String status,
                        AlignmentStatus alignment, List<String> goalIds, List<String> unknownGoalIds,
                        SuccessCriteria preRegistered, SuccessCriteria criteria, List<Amendment> amendments,
                        LocalDate launchedOn, List<Cycle> cycles, List<DecisionRecord> decisions,
                        Evaluation evaluation, long version) {

    public record Amendment(Instant at, SuccessCriteria previous, SuccessCriteria criteria, String reason) {
    }

    public record Cycle(String cycleId, int number, String plan, LocalDate measureBy, boolean completed,
                        String observed, String nextChanges, List<UnitMeasurement> measurements) {
    }

    public record UnitMeasurement(String metricId, Group group, String unit, Double value, String students) {
    }

    public record DecisionRecord(Instant at, Decision decision, String rationale, int evidenceTier) {
    }
}
