package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The district returns a submitted listing to the partner to revise, with a reason. */
public record ReturnListing(@TargetAggregateIdentifier ListingRef listing, String reason) {
}
