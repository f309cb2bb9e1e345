package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A district chooses whether other districts on the deployment see its proven models. */
public record SetProvenModelSharing(@TargetAggregateIdentifier SharingRef sharing, boolean shared) {
}
