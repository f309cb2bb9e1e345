package org.districtops.pilot.api;

import java.time.LocalDate;
import java.util.List;

/** Public event: a pilot was proposed. {@code modelKey} groups the waves of one model (the first pilot's id). */
public record PilotProposed(String districtId, String pilotId, String title, String gap, String students,
                            ModelType modelType, String modelName, SchoolLevel schoolLevel, List<String> schools,
                            int classrooms,
                            int cohortSize, LocalDate start, LocalDate end, List<String> goalIds,
                            AlignmentStatus alignment, String modelKey, int wave) {
}
