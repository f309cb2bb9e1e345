package org.districtops.partnership.query;

import org.districtops.partnership.api.AlignmentStatus;
import org.districtops.partnership.api.AttestationType;
import org.districtops.partnership.api.Contact;
import org.districtops.partnership.api.OrganisationType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Everything the read side knows about one partner, stored as one MongoDB document (mapped as JSON). */
public class PartnerState {

    public String id;
    public String districtId;
    public String partnerId;
    public String name;
    public OrganisationType type;
    public String description;
    public String website;
    public List<Contact> contacts = new ArrayList<>();
    public Agreement agreement;
    public List<Attestation> attestations = new ArrayList<>();
    public boolean goodStanding;
    public List<String> standingReasons = new ArrayList<>();
    /** True once an agreement or attestation is on record: its deadlines are re-armed at start. */
    public boolean hasExpiries;
    /** The agreement's alignment, top level so the rechecker finds UNVERIFIED ones by a single-field query. */
    public AlignmentStatus agreementAlignment;
    public Instant onboardedAt;
    public long version;

    public static class Agreement {
        public LocalDate start;
        public LocalDate end;
        public Instant expiresAt;
        public List<String> goalIds = new ArrayList<>();
        public AlignmentStatus alignment;
        public List<String> unknownGoalIds = new ArrayList<>();
        public boolean expired;
    }

    public static class Attestation {
        public AttestationType type;
        public Instant expiresAt;
        public String reference;
        public boolean expired;
    }
}
