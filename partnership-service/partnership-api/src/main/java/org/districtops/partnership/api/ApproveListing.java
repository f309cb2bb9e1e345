package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The district approves a submitted listing: it is published (shown while its partner is in good standing). */
public record ApproveListing(@TargetAggregateIdentifier ListingRef listing) {
}
