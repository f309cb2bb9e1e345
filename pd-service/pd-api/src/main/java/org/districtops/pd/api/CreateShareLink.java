package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The educator creates a share link; only the SHA-256 of its secret token is recorded. */
public record CreateShareLink(@TargetAggregateIdentifier EducatorRef educator, String tokenHash) {
}
