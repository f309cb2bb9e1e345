package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a staff contact of the partner (an adult at the organisation). */
public record AddPartnerContact(@TargetAggregateIdentifier PartnerRef partner, Contact contact) {
}
