package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The educator withdraws their share link. */
public record RevokeShareLink(@TargetAggregateIdentifier EducatorRef educator) {
}
