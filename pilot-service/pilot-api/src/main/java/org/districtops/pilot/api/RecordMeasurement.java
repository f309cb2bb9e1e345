package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An aggregate number for one school or classroom ({@code unit}, e.g. "Jefferson ES, room 12"): the metric's
 * value and how many students it covers. Never a single student's result.
 */
public record RecordMeasurement(@TargetAggregateIdentifier PilotRef pilot, String cycleId, String metricId,
                                Group group, String unit, double value, int students) {
}
