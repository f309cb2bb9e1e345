package org.districtops.pilot.api;

/** Pilots whose alignment could not be checked yet, in every district. */
public record FindPilotsAwaitingAlignment() {
}
