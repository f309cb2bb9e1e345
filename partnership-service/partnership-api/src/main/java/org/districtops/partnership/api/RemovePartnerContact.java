package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a staff contact of the partner. */
public record RemovePartnerContact(@TargetAggregateIdentifier PartnerRef partner, String contactId) {
}
