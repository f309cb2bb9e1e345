package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Record the partner's agreement (MOU): its term, the vision goals it serves with the alignment found when
 * signing, and the instant it expires (by default the start of the day after {@code end}, UTC; a renewal is a
 * new agreement with a later expiry).
 */
public record SignAgreement(@TargetAggregateIdentifier PartnerRef partner, LocalDate start, LocalDate end,
                            Instant expiresAt, List<String> goalIds, AlignmentStatus alignment) {
}
