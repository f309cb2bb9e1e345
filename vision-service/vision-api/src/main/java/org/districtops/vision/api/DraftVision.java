package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Draft the district's vision for teaching and learning: the statement, the student outcomes it aims at,
 * the gaps it wants to close and why personalized learning should help. The first draft creates the vision;
 * drafting after an adoption starts an amendment. {@code expectedVersion} comes from If-Match (null: no check).
 */
public record DraftVision(@TargetAggregateIdentifier VisionRef vision, String statement, List<String> outcomes,
                          List<String> gaps, String rationale, @TargetAggregateVersion Long expectedVersion) {
}
