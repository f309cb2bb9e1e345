package org.districtops.partnership.query;

import org.districtops.partnership.api.ListingDetails;
import org.districtops.partnership.api.ListingStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Everything the read side knows about one listing and its placements, stored as one MongoDB document. */
public class ListingState {

    public String id;
    public String districtId;
    public String listingId;
    public String partnerId;
    public ListingStatus status;
    public ListingDetails details;
    public List<Note> reviewNotes = new ArrayList<>();
    public Instant draftedAt;
    public Instant submittedAt;
    public Instant approvedAt;
    public List<Placement> placements = new ArrayList<>();
    public long version;

    public static class Note {
        public Instant at;
        public ListingStatus status;
        public String reason;
    }

    public static class Placement {
        public String placementId;
        /** Pseudonymous; shown to district staff and the owning partner only, never in public figures. */
        public String studentId;
        public String school;
        public LocalDate startedOn;
        public List<Hours> hours = new ArrayList<>();
        public boolean completed;
        public Integer rating;
        public String comments;
    }

    public static class Hours {
        public String entryId;
        public LocalDate workedOn;
        public BigDecimal hours;
        public boolean confirmed;
    }

    Placement placement(String placementId) {
        return placements.stream().filter(p -> p.placementId.equals(placementId)).findFirst().orElseThrow();
    }
}
