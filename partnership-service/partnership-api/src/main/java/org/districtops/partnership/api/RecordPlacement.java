package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** District staff place a student (pseudonymous id only, never a name or contact) on a published listing. */
public record RecordPlacement(@TargetAggregateIdentifier ListingRef listing, String placementId, String studentId,
                              String school, LocalDate startedOn) {
}
