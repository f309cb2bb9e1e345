package org.districtops.partnership.api;

/** Public event: an organisation was onboarded as a partner of the district. */
public record PartnerOnboarded(String districtId, String partnerId, String name, OrganisationType type,
                               String description, String website) {
}
