package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stop taking comments on the draft in progress. */
public record CloseCommentPeriod(@TargetAggregateIdentifier VisionRef vision,
                                 @TargetAggregateVersion Long expectedVersion) {
}
