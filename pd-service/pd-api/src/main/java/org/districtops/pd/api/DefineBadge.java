package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a badge to the catalog, with the alignment its goals had when checked. */
public record DefineBadge(@TargetAggregateIdentifier BadgeRef badge, BadgeTerms terms, AlignmentStatus alignment) {
}
