package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Re-arm the partner's expiry deadlines (they live in memory) and record any expiry already past. Sent at start
 * and periodically by the service; harmless to repeat.
 */
public record ScheduleExpiryCheck(@TargetAggregateIdentifier PartnerRef partner) {
}
