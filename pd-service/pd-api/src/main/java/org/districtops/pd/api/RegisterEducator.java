package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Register (or update) an educator: opaque id, the schools they work at and, when imported, the OneRoster
 * {@code sourcedId}. Names and emails go to the personal-data store, never into this command's events.
 */
public record RegisterEducator(@TargetAggregateIdentifier EducatorRef educator, String sourcedId, List<String> schoolIds) {
}
