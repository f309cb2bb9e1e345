package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record the board's adoption of the draft in progress. Needs a closed comment period for that draft, unless
 * {@code waiverReason} explains why the board adopts without one.
 */
public record AdoptVision(@TargetAggregateIdentifier VisionRef vision, BoardVote boardVote, String waiverReason,
                          @TargetAggregateVersion Long expectedVersion) {
}
