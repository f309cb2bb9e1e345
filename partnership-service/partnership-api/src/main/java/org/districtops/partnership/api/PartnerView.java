package org.districtops.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A partner as district staff and the partner itself see it. */
public record PartnerView(String partnerId, String districtId, String name, OrganisationType type, String description,
                          String website, List<Contact> contacts, Agreement agreement, List<Attestation> attestations,
                          boolean goodStanding, List<String> standingReasons, long version) {

    public record Agreement(LocalDate start, LocalDate end, Instant expiresAt, List<String> goalIds,
                            AlignmentStatus alignment, List<String> unknownGoalIds, boolean expired) {
    }

    public record Attestation(AttestationType type, Instant expiresAt, String reference, boolean expired) {
    }
}
