package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** District staff log hours a placed student worked, on the student's behalf; the partner confirms them. */
public record LogPlacementHours(@TargetAggregateIdentifier ListingRef listing, String placementId, String entryId,
                                LocalDate workedOn, BigDecimal hours) {
}
