package org.districtops.partnership.api;

import java.time.LocalDate;

/** Public event: a student, by pseudonymous id only, was placed on a listing. */
public record PlacementRecorded(String districtId, String listingId, String partnerId, String placementId,
                                String studentId, String school, LocalDate startedOn) {
}
