package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** PD staff return a pending application with a comment; the educator may apply again. */
public record ReturnApplication(@TargetAggregateIdentifier AwardRef award, String comment) {
}
