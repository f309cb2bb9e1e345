package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Comment on the draft in progress while its comment period is open. The author appears only as a kind:
 * no name, email or account id goes into the event.
 */
public record SubmitVisionComment(@TargetAggregateIdentifier VisionRef vision, String commentId,
                                  CommentAuthorKind authorKind, String text,
                                  @TargetAggregateVersion Long expectedVersion) {
}
