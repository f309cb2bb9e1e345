package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partner's supervisor confirms logged hours; only the listing's own partner can. */
public record ConfirmPlacementHours(@TargetAggregateIdentifier ListingRef listing, String placementId, String entryId,
                                    String actingPartnerId) {
}
