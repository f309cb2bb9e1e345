package org.districtops.partnership.api;

import java.time.LocalDate;

/**
 * The public board: approved, open, unexpired listings of partners in good standing, filtered by any of type,
 * pathway, paid, grade, remote, a date the listing is open on, and text in title or description (nulls: any),
 * newest first, one page of {@code size} at a time ({@code page} counts from 1). Answered with an
 * {@link OpportunityPage}.
 */
public record FindOpportunities(String districtId, ListingType type, String pathway, Boolean paid, Integer grade,
                                Boolean remote, LocalDate openOn, String text, LocalDate today, int page, int size) {

    /** Every filter open, first page. */
    public static FindOpportunities all(String districtId, LocalDate today, int size) {
        return new FindOpportunities(districtId, null, null, null, null, null, null, null, today, 1, size);
    }
}
