package org.districtops.vision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.districtops.vision.api.ModerationDecision;

import java.time.LocalDate;
import java.util.List;

/**
 * Request bodies of the vision API. Unknown properties are rejected (400), not ignored. The aggregate checks
 * the same limits again, so commands sent from elsewhere obey them too.
 */
final class VisionRequests {

    private VisionRequests() {
    }

    record Draft(
            @NotBlank @Size(max = 2000) String statement,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> outcomes,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> gaps,
            @NotBlank @Size(max = 4000) String rationale) {
    }

    record Revision(
            @NotBlank @Size(max = 2000) String statement,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> outcomes,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> gaps,
            @NotBlank @Size(max = 4000) String rationale,
            @NotBlank @Size(max = 2000) String summary) {
    }

    record CommentPeriod(@NotNull LocalDate closesOn) {
    }

    /** The text only: who comments is taken from the token (or "public"), never from the body. */
    record Comment(@NotBlank @Size(max = 4000) String text) {
    }

    record Moderation(@NotNull ModerationDecision decision, @Size(max = 1000) String reason) {
    }

    record Adoption(@NotNull @Valid BoardVote boardVote, @Size(max = 1000) String waiverReason) {
    }

    record BoardVote(
            @NotNull LocalDate date,
            @NotNull @Min(0) @Max(1000) Integer votesFor,
            @NotNull @Min(0) @Max(1000) Integer votesAgainst,
            @Min(0) @Max(1000) Integer abstentions, // none when left out
            @NotBlank @Size(max = 200) String meetingReference) {
    }
}
