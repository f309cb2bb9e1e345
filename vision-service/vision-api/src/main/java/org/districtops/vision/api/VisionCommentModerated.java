package org.districtops.vision.api;

/** Public event: a comment was approved for public display or rejected ({@code reason} is "" when none). */
public record VisionCommentModerated(String districtId, String commentId, ModerationDecision decision,
                                     String reason) {
}
