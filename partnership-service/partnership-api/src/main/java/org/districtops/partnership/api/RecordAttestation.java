package org.districtops.partnership.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record (or renew) an attestation, valid until {@code expiresAt}; a deadline fires at that instant. */
public record RecordAttestation(@TargetAggregateIdentifier PartnerRef partner, AttestationType type, Instant expiresAt,
                                String reference) {
}
