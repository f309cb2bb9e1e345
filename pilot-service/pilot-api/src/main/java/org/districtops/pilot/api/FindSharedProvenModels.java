package org.districtops.pilot.api;

/** The proven models of every district that chose to share them. */
public record FindSharedProvenModels() {
}
