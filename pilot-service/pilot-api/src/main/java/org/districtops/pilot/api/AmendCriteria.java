package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change locked criteria after launch: a public amendment, with a reason. */
public record AmendCriteria(@TargetAggregateIdentifier PilotRef pilot, SuccessCriteria criteria, String reason) {
}
