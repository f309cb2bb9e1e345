package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a year's self-assessment once all ten conditions are rated; it is then part of the public history. */
public record CompleteReadinessAssessment(@TargetAggregateIdentifier ReadinessRef assessment) {
}
