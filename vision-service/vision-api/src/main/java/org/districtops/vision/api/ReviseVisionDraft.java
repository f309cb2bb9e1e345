package org.districtops.vision.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Revise the draft in progress; {@code summary} says how community input changed it. */
public record ReviseVisionDraft(@TargetAggregateIdentifier VisionRef vision, String statement, List<String> outcomes,
                                List<String> gaps, String rationale, String summary,
                                @TargetAggregateVersion Long expectedVersion) {
}
