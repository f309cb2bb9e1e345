package org.districtops.partnership.api;

import java.time.LocalDate;

/**
 * What a listing offers. {@code location} is null when the opportunity is remote only; grades are 6 to 12 (K=0);
 * {@code contact} is the partner staff member students or counsellors reach (name and email, an adult).
 */
public record ListingDetails(ListingType type, String title, String description, String pathway, boolean paid,
                             String paidTerms, String location, boolean remote, String schedule, int hoursPerWeek,
                             int capacity, int gradeMin, int gradeMax, int minimumAge, LocalDate applyFrom,
                             LocalDate applyUntil, String contactName, String contactEmail) {
}
