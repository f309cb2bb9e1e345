package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * Add a milestone (an action) to a goal: one accountable owner, collaborators, start and due date,
 * a weight for the roll-up, and how often the owner reports (days).
 */
public record AddMilestone(@TargetAggregateIdentifier PlanRef plan, String goalId, String milestoneId, String title,
                           Owner owner, List<String> collaborators, LocalDate start, LocalDate due, int weight,
                           int updateCadenceDays, @TargetAggregateVersion Long expectedVersion) {
}
