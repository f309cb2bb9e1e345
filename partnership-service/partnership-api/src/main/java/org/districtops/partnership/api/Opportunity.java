package org.districtops.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A listing on the public board. {@code jsonLd}: a schema.org JobPosting or EducationalOccupationalProgram. */
public record Opportunity(String listingId, String districtId, String partnerName, OrganisationType partnerType,
                          ListingType type, String title, String description, String pathway, boolean paid,
                          String paidTerms, String location, boolean remote, String schedule, int hoursPerWeek,
                          int capacity, int gradeMin, int gradeMax, int minimumAge, LocalDate applyFrom,
                          LocalDate applyUntil, String contactName, String contactEmail, Instant publishedAt,
                          Map<String, Object> jsonLd) {
}
