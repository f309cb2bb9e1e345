package org.districtops.vision.api;

import java.time.LocalDate;

/**
 * Public event: the community may comment on draft {@code draftNumber} until {@code closesOn} (inclusive).
 * {@code periodNumber} counts comment periods over the life of the vision, across drafts.
 */
public record CommentPeriodOpened(String districtId, int draftNumber, int periodNumber, LocalDate closesOn) {
}
