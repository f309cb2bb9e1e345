package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Propose a pilot: the need (which gap, for which students: a description, never names), the model, where,
 * how many students, when, and the plan goals it serves with the alignment found when proposing.
 * {@code adoptsModelOf} names the scaled pilot whose model this one adopts (a later wave), or null.
 */
public record ProposePilot(@TargetAggregateIdentifier PilotRef pilot, String title, String gap, String students,
                           ModelType modelType, String modelName, SchoolLevel schoolLevel, List<String> schools,
                           int classrooms,
                           int cohortSize, LocalDate start, LocalDate end, List<String> goalIds,
                           AlignmentStatus alignment, String adoptsModelOf, int wave) {
}
