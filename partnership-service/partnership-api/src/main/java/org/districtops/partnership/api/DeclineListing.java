package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The district declines a submitted listing, with a reason; final. */
public record DeclineListing(@TargetAggregateIdentifier ListingRef listing, String reason) {
}
