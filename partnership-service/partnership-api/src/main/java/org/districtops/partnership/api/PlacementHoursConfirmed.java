package org.districtops.partnership.api;

import java.math.BigDecimal;

/** Public event: the partner's supervisor confirmed logged hours. */
public record PlacementHoursConfirmed(String districtId, String listingId, String placementId, String entryId,
                                      BigDecimal hours) {
}
