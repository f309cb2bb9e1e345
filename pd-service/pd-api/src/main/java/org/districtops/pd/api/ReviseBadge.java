package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new version of a badge; awards made before keep referencing the version they were made under. */
public record ReviseBadge(@TargetAggregateIdentifier BadgeRef badge, BadgeTerms terms, AlignmentStatus alignment) {
}
