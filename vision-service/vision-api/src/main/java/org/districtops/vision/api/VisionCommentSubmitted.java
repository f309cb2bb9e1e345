package org.districtops.vision.api;

/**
 * Public event: someone commented on a draft vision during a comment period. Carries no personal data: the
 * author is only a kind. The comment is pending until moderated and is never shown publicly before approval.
 */
public record VisionCommentSubmitted(String districtId, int draftNumber, int periodNumber, String commentId,
                                     CommentAuthorKind authorKind, String text) {
}
