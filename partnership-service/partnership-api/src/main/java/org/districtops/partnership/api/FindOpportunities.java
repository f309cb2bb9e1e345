package org.districtops.partnership.api;

import java.time.LocalDate;

/**
 * The public board: approved, open, unexpired listings of partners in good standing, filtered by any of type,
 * pathway, paid, grade, remote, a date the listing is open on, and text in title or description (nulls: any).
 */
public record FindOpportunities(String districtId, ListingType type, String pathway, Boolean paid, Integer grade,
                                Boolean remote, LocalDate openOn, String text, LocalDate today) {
}
