package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Invite community comments on the draft in progress until {@code closesOn} (the last day to comment). */
public record OpenCommentPeriod(@TargetAggregateIdentifier VisionRef vision, LocalDate closesOn,
                                @TargetAggregateVersion Long expectedVersion) {
}
