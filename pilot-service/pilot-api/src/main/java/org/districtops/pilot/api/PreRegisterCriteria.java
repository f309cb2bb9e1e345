package org.districtops.pilot.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pre-register (or, before launch, replace) the success criteria. */
public record PreRegisterCriteria(@TargetAggregateIdentifier PilotRef pilot, SuccessCriteria criteria) {
}
