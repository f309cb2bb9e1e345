package org.districtops.partnership.api;

import java.time.LocalDate;

/** One listing on the public board, with its schema.org JSON-LD. */
public record FindOpportunity(String districtId, String listingId, LocalDate today) {
}
