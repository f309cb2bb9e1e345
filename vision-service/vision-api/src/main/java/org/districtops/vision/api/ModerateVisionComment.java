package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Approve a comment for public display or reject it; a rejection needs a reason. */
public record ModerateVisionComment(@TargetAggregateIdentifier VisionRef vision, String commentId,
                                    ModerationDecision decision, String reason,
                                    @TargetAggregateVersion Long expectedVersion) {
}
