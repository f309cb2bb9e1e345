package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Re-arm the deadline at the end of a published listing's applyUntil date, or expire it now if that is past. */
public record ScheduleListingExpiry(@TargetAggregateIdentifier ListingRef listing) {
}
