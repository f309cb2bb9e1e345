package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register (or update) a school from the roster; an unchanged row records nothing. */
public record RegisterSchool(@TargetAggregateIdentifier SchoolRef school, String name, String identifier) {
}
