package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** District partnership staff onboard an organisation as a partner. */
public record OnboardPartner(@TargetAggregateIdentifier PartnerRef partner, String name, OrganisationType type,
                             String description, String website) {
}
