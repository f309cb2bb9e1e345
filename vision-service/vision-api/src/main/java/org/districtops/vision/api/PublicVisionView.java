package org.districtops.vision.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public read model of a district's adopted vision. {@code history} lists every adopted version, oldest
 * first (the last one is the current vision); {@code approvedComments} are the approved comments of the latest
 * comment period ({@code commentPeriod}). {@code waiverReason} is null unless the board adopted without a comment
 * period. {@code version} is the vision's event sequence (its ETag).
 */
public record PublicVisionView(String districtId, int draftNumber, String statement, List<String> outcomes,
                               List<String> gaps, String rationale, LocalDate adoptedOn, BoardVote boardVote,
                               String waiverReason, List<AdoptedVersion> history, CommentPeriod commentPeriod,
                               List<Comment> approvedComments, long version) {

    /** One adopted version and the revisions that led to it. */
    public record AdoptedVersion(int draftNumber, String statement, List<String> outcomes, List<String> gaps,
                                 String rationale, LocalDate adoptedOn, BoardVote boardVote, String waiverReason,
                                 List<Revision> revisions) {
    }

    /** How a draft changed before adoption, and when. */
    public record Revision(String summary, Instant revisedAt) {
    }

    /** A comment period: which draft it was about and until when it took comments. */
    public record CommentPeriod(int periodNumber, int draftNumber, LocalDate closesOn, boolean open) {
    }

    /** An approved comment: no name, only the kind of author. */
    public record Comment(String text, CommentAuthorKind authorKind, Instant submittedAt) {
    }
}
