package org.districtops.pd.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;

import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One educator's award of one badge, from application or direct award through revocation and renewal. One
 * aggregate per (educator, badge): every award is its own credential with its own lifecycle, bulk awards to
 * hundreds of educators never contend on one stream, and a repeated award (bulk re-run, pathway handler
 * redelivery) lands on the same aggregate and is refused instead of duplicated.
 */
@Aggregate
public class Award {

    enum Status { APPLIED, RETURNED, AWARDED, REVOKED }

    /** Awards may be back-dated this far at most (recording PD done earlier). */
    static final Duration MAX_BACKDATE = Duration.ofDays(3 * 3660);

    @AggregateIdentifier
    private String id;
    private AwardRef ref;
    private Status status;
    private String educatorId;
    private String badgeId;
    private int badgeVersion;
    private Integer validityDays;
    private Evidence applicationEvidence;

    protected Award() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AwardBadge c) {
        requireSameEducatorAndBadge(c.educatorId(), c.badge());
        if (status == Status.AWARDED) {
            throw new StateConflictException("The educator already holds this badge.");
        }
        Checks.required("route", c.route());
        if (c.route() == AwardRoute.PATHWAY && id != null) {
            // automatic awards happen once: after a revocation only PD staff award again (and re-processing
            // old events can never undo a revocation)
            throw new StateConflictException("A pathway badge is awarded automatically only once.");
        }
        Checks.required("awardedAt", c.awardedAt());
        if (c.awardedAt().isAfter(Instant.now().plusSeconds(300))) {
            throw new InvalidInputException("awardedOn", "must not be in the future");
        }
        if (c.awardedAt().isBefore(Instant.now().minus(MAX_BACKDATE))) {
            throw new InvalidInputException("awardedOn", "must be within the last ten years");
        }
        Evidence evidence = Checks.evidence(c.evidence(), c.badge().evidenceRequired());
        Instant validUntil = c.badge().validityDays() == null ? null
                : c.awardedAt().plus(Duration.ofDays(c.badge().validityDays()));
        apply(new BadgeAwarded(c.award().districtId(), c.award().awardId(), c.educatorId(), c.badge().badgeId(),
                c.badge().version(), evidence, c.awardedAt(), validUntil, c.route()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApplyForBadge c) {
        requireSameEducatorAndBadge(c.educatorId(), c.badge());
        if (status == Status.AWARDED) {
            throw new StateConflictException("The educator already holds this badge.");
        }
        if (status == Status.APPLIED) {
            throw new StateConflictException("An application for this badge is already waiting for review.");
        }
        Evidence evidence = Checks.evidence(c.evidence(), true);
        apply(new BadgeApplied(c.award().districtId(), c.award().awardId(), c.educatorId(), c.badge().badgeId(),
                c.badge().version(), evidence));
    }

    @CommandHandler
    public void handle(ApproveApplication c) {
        if (status != Status.APPLIED) {
            throw new StateConflictException("There is no application waiting for review.");
        }
        Checks.required("approvedAt", c.approvedAt());
        Checks.required("badge", c.badge());
        Integer days = c.badge().validityDays();
        Instant validUntil = days == null ? null : c.approvedAt().plus(Duration.ofDays(days));
        apply(new BadgeAwarded(ref.districtId(), ref.awardId(), educatorId, badgeId, badgeVersion, applicationEvidence,
                c.approvedAt(), validUntil, AwardRoute.APPLICATION));
    }

    @CommandHandler
    public void handle(ReturnApplication c) {
        if (status != Status.APPLIED) {
            throw new StateConflictException("There is no application waiting for review.");
        }
        Checks.text("comment", c.comment(), 2000);
        apply(new ApplicationReturned(ref.districtId(), ref.awardId(), c.comment().strip()));
    }

    @CommandHandler
    public void handle(RevokeAward c) {
        if (status != Status.AWARDED) {
            throw new StateConflictException(status == Status.REVOKED ? "The award is already revoked."
                    : "Only an awarded badge can be revoked.");
        }
        Checks.text("reason", c.reason(), 1000);
        Checks.required("revokedAt", c.revokedAt());
        apply(new AwardRevoked(ref.districtId(), ref.awardId(), c.reason().strip(), c.revokedAt()));
    }

    @CommandHandler
    public void handle(RenewAward c) {
        if (status != Status.AWARDED) {
            throw new StateConflictException("Only a held (not revoked) award can be renewed.");
        }
        if (validityDays == null) {
            throw new StateConflictException("This badge never expires; there is nothing to renew.");
        }
        Checks.required("renewedAt", c.renewedAt());
        Evidence evidence = Checks.evidence(c.evidence(), false);
        apply(new AwardRenewed(ref.districtId(), ref.awardId(), evidence, c.renewedAt(),
                c.renewedAt().plus(Duration.ofDays(validityDays))));
    }

    private void requireSameEducatorAndBadge(String educator, BadgeVersionTerms badge) {
        Checks.text("educatorId", educator, 64);
        Checks.required("badge", badge);
        if (badge.retired()) {
            throw new StateConflictException("Badge " + badge.badgeId() + " is retired: it can no longer be awarded.");
        }
        if (id != null && (!educatorId.equals(educator) || !badgeId.equals(badge.badgeId()))) {
            throw new StateConflictException("Award " + ref.awardId() + " belongs to another educator or badge.");
        }
    }

    private void created(String districtId, String awardId, String educator, String badge, int version) {
        ref = new AwardRef(districtId, awardId);
        id = ref.toString();
        educatorId = educator;
        badgeId = badge;
        badgeVersion = version;
    }

    @EventSourcingHandler
    void on(BadgeAwarded e) {
        created(e.districtId(), e.awardId(), e.educatorId(), e.badgeId(), e.badgeVersion());
        status = Status.AWARDED;
        validityDays = e.validUntil() == null ? null
                : (int) Duration.between(e.awardedAt(), e.validUntil()).toDays();
    }

    @EventSourcingHandler
    void on(BadgeApplied e) {
        created(e.districtId(), e.awardId(), e.educatorId(), e.badgeId(), e.badgeVersion());
        status = Status.APPLIED;
        applicationEvidence = e.evidence();
    }

    @EventSourcingHandler
    void on(ApplicationReturned e) {
        status = Status.RETURNED;
    }

    @EventSourcingHandler
    void on(AwardRevoked e) {
        status = Status.REVOKED;
    }
}
