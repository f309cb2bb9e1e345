package org.districtops.pd.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase an educator's personal data (the data key is shredded); awards stay, under the opaque id. */
public record EraseEducator(@TargetAggregateIdentifier EducatorRef educator) {
}
