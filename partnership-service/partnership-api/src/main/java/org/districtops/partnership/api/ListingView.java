package org.districtops.partnership.api;

import java.time.Instant;
import java.util.List;

/** A listing with its workflow status and the district's review notes, for staff and its own partner. */
public record ListingView(String listingId, String districtId, String partnerId, String partnerName, ListingStatus status,
                          ListingDetails details, List<ReviewNote> reviewNotes, Instant submittedAt, Instant approvedAt,
                          int placements, long version) {

    /** A return or decline with its reason. */
    public record ReviewNote(Instant at, ListingStatus status, String reason) {
    }
}
