package org.districtops.pilot.api;

/** Public event: an aggregate measurement of one unit in a cycle. */
public record MeasurementRecorded(String districtId, String pilotId, String cycleId, String metricId, Group group,
                                  String unit, double value, int students) {
}
