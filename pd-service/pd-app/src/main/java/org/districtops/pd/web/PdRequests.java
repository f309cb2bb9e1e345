package org.districtops.pd.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.districtops.pd.api.BadgeImage;
import org.districtops.pd.api.BadgeTerms;
import org.districtops.pd.api.Evidence;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the PD API. Unknown properties are rejected (400), not ignored. */
final class PdRequests {

    static final String DISTRICT_ID = "[a-z0-9][a-z0-9-]{1,63}";
    static final String ITEM_ID = "[A-Za-z0-9-]{1,64}";

    private PdRequests() {
    }

    record Image(@NotBlank String contentType, @NotBlank @Size(max = 140_000) String data) {
        BadgeImage toImage() {
            return new BadgeImage(contentType, data);
        }
    }

    record Badge(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 2000) String description,
            @NotBlank @Size(max = 4000) String criteria,
            @Valid Image image,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> competencies,
            @Size(max = 10) List<@NotBlank @Size(max = 64) String> goalIds,
            @NotNull @DecimalMin("0") @DecimalMax("1000") Double pdHours,
            @Min(1) @Max(3650) Integer validityDays,
            Boolean evidenceRequired,
            @Size(max = 20) List<@Pattern(regexp = ITEM_ID) String> requiredBadgeIds) {

        BadgeTerms toTerms() {
            return new BadgeTerms(name, description, criteria, image == null ? null : image.toImage(), competencies,
                    goalIds, pdHours, validityDays, Boolean.TRUE.equals(evidenceRequired), requiredBadgeIds);
        }
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record Comment(@NotBlank @Size(max = 2000) String comment) {
    }

    record EvidenceBody(@Size(max = 2000) String url, @Size(max = 4000) String text) {
        Evidence toEvidence() {
            return new Evidence(url, text);
        }
    }

    record AwardRequest(@NotBlank @Pattern(regexp = ITEM_ID) String educatorId, @Valid EvidenceBody evidence,
                        LocalDate awardedOn) {
    }

    record Application(@NotNull @Valid EvidenceBody evidence) {
    }

    record Renewal(@Valid EvidenceBody evidence) {
    }

    record NewEducator(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> schoolIds) {
    }

    record Visibility(@NotNull Boolean isPublic) {
    }
}
