package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record the result of checking an agreement's vision goals once vision-service answers. */
public record CheckAgreementAlignment(@TargetAggregateIdentifier PartnerRef partner, AlignmentStatus alignment,
                                      List<String> unknownGoalIds) {
}
