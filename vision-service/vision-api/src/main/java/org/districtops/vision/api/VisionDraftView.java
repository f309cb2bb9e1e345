package org.districtops.vision.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The draft in progress as district leaders see it: text, revisions, the latest comment period of this draft
 * (null if none yet) and every comment on this draft with its moderation state. {@code version} is the
 * vision's event sequence, to send back as If-Match.
 */
public record VisionDraftView(String districtId, int draftNumber, String statement, List<String> outcomes,
                              List<String> gaps, String rationale, List<PublicVisionView.Revision> revisions,
                              CommentPeriod commentPeriod, List<Comment> comments, Instant startedAt,
                              Instant updatedAt, long version) {

    /** A comment period of this draft. */
    public record CommentPeriod(int periodNumber, LocalDate closesOn, boolean open, Instant openedAt,
                                Instant closedAt) {
    }

    /** A comment and where moderation stands ({@code moderationReason} is "" when none was given). */
    public record Comment(String commentId, int periodNumber, CommentAuthorKind authorKind, String text,
                          Instant submittedAt, Moderation moderation, String moderationReason,
                          Instant moderatedAt) {
    }

    public enum Moderation {
        PENDING,
        APPROVED,
        REJECTED
    }
}
