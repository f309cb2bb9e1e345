package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The educator makes their portfolio public or private (private by default). */
public record SetPortfolioVisibility(@TargetAggregateIdentifier EducatorRef educator, boolean isPublic) {
}
