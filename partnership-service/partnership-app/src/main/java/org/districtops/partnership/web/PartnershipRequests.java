package org.districtops.partnership.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.districtops.partnership.api.AttestationType;
import org.districtops.partnership.api.ListingDetails;
import org.districtops.partnership.api.ListingOutcome;
import org.districtops.partnership.api.ListingType;
import org.districtops.partnership.api.OrganisationType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies, bean-validated; the aggregates apply the business rules again and name the field. */
final class PartnershipRequests {

    private PartnershipRequests() {
    }

    /** {@code partnerId} is optional: a readable id chosen by staff (bound to partner accounts by the IdP), else generated. */
    record Onboard(@Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String partnerId,
                   @NotBlank @Size(max = 200) String name,
                   @NotNull OrganisationType type,
                   @Size(max = 2000) String description,
                   @Size(max = 300) @Pattern(regexp = "https?://\\S+") String website) {
    }

    record ContactRequest(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String role,
                          @NotBlank @Email @Size(max = 254) String email,
                          @Size(max = 30) String phone) {
    }

    /** {@code expiresAt} defaults to the start of the day after {@code end} (UTC). */
    record Agreement(@NotNull LocalDate start,
                     @NotNull LocalDate end,
                     Instant expiresAt,
                     @Size(max = 10) List<@NotBlank @Size(max = 64) String> goalIds) {
    }

    record Attestation(@NotNull AttestationType type,
                       @NotNull Instant expiresAt,
                       @NotBlank @Size(max = 200) String reference) {
    }

    record Listing(@NotNull ListingType type,
                   @NotBlank @Size(max = 200) String title,
                   @NotBlank @Size(max = 4000) String description,
                   @NotBlank @Size(max = 100) String pathway,
                   @NotNull Boolean paid,
                   @Size(max = 500) String paidTerms,
                   @Size(max = 300) String location,
                   @NotNull Boolean remote,
                   @NotBlank @Size(max = 500) String schedule,
                   @NotNull @Min(1) @Max(40) Integer hoursPerWeek,
                   @NotNull @Min(1) @Max(500) Integer capacity,
                   @NotNull @Min(6) @Max(12) Integer gradeMin,
                   @NotNull @Min(6) @Max(12) Integer gradeMax,
                   @NotNull @Min(10) @Max(21) Integer minimumAge,
                   @NotNull LocalDate applyFrom,
                   @NotNull LocalDate applyUntil,
                   @NotBlank @Size(max = 200) String contactName,
                   @NotBlank @Email @Size(max = 254) String contactEmail) {

        ListingDetails toDetails() {
            return new ListingDetails(type, title, description, pathway, paid, paidTerms, location, remote, schedule,
                    hoursPerWeek, capacity, gradeMin, gradeMax, minimumAge, applyFrom, applyUntil, contactName,
                    contactEmail);
        }
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record End(@NotNull ListingOutcome outcome) {
    }

    record Placement(@NotBlank @Pattern(regexp = "(?=.*[0-9])[A-Za-z0-9-]{8,64}",
                             message = "must be a pseudonymous id (8-64 letters, digits or dashes, with a digit), never a name or email")
                     String studentId,
                     @NotBlank @Size(max = 200) String school,
                     @NotNull LocalDate startedOn) {
    }

    record Hours(@NotNull LocalDate workedOn,
                 @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") BigDecimal hours) {
    }

    record Completion(@NotNull @Min(1) @Max(4) Integer rating, @NotBlank @Size(max = 2000) String comments) {
    }
}
