package org.districtops.partnership.api;

import java.time.LocalDate;

/** Public event: a published listing passed its applyUntil date (recorded by a deadline). */
public record ListingExpired(String districtId, String listingId, String partnerId, LocalDate applyUntil) {
}
