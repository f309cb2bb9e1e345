package org.districtops.partnership.api;

import java.util.List;

/**
 * Public event: the partner entered or left good standing. In good standing = an agreement in effect and a
 * current attestation of every {@link AttestationType}; {@code reasons} say what is missing or expired.
 * Listings of a partner not in good standing are not shown on the public board.
 */
public record PartnerStandingChanged(String districtId, String partnerId, boolean goodStanding, List<String> reasons) {
}
