package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** PD staff approve a pending application: the badge is awarded (a {@code BadgeAwarded} with route APPLICATION, valid
 * for the applied-for version's validity period). */
public record ApproveApplication(@TargetAggregateIdentifier AwardRef award, BadgeVersionTerms badge, Instant approvedAt) {
}
