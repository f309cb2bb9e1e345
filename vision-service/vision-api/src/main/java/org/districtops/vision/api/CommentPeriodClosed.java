package org.districtops.vision.api;

/** Public event: the comment period on draft {@code draftNumber} closed; no more comments are taken. */
public record CommentPeriodClosed(String districtId, int draftNumber, int periodNumber) {
}
