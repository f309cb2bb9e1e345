package org.districtops.pd.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pd.api.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A badge of the district's catalog: defined, revised (each revision a new version), retired. */
@Aggregate
public class Badge {

    @AggregateIdentifier
    private String id;
    private BadgeRef ref;
    private int version;
    private boolean retired;
    private AlignmentStatus alignment;

    protected Badge() {
        // for Axon
    }

    @CommandHandler
    public Badge(DefineBadge c) {
        Checks.required("alignment", c.alignment());
        BadgeTerms terms = Checks.terms(c.badge().badgeId(), c.terms());
        apply(new BadgeDefined(c.badge().districtId(), c.badge().badgeId(), 1, terms, c.alignment()));
    }

    /** Returns the new version. */
    @CommandHandler
    public int handle(ReviseBadge c) {
        requireActive();
        Checks.required("alignment", c.alignment());
        BadgeTerms terms = Checks.terms(ref.badgeId(), c.terms());
        apply(new BadgeRevised(ref.districtId(), ref.badgeId(), version + 1, terms, c.alignment()));
        return version;
    }

    @CommandHandler
    public void handle(CheckBadgeAlignment c) {
        Checks.required("alignment", c.alignment());
        if (c.alignment() != alignment) {
            apply(new BadgeAlignmentChecked(ref.districtId(), ref.badgeId(), version, c.alignment(),
                    c.unknownGoalIds() == null ? java.util.List.of() : java.util.List.copyOf(c.unknownGoalIds())));
        }
    }

    @CommandHandler
    public void handle(RetireBadge c) {
        requireActive();
        Checks.text("reason", c.reason(), 1000);
        apply(new BadgeRetired(ref.districtId(), ref.badgeId(), c.reason().strip()));
    }

    private void requireActive() {
        if (retired) {
            throw new StateConflictException("Badge " + ref.badgeId() + " is retired.");
        }
    }

    @EventSourcingHandler
    void on(BadgeDefined e) {
        ref = new BadgeRef(e.districtId(), e.badgeId());
        id = ref.toString();
        version = e.version();
        alignment = e.alignment();
    }

    @EventSourcingHandler
    void on(BadgeRevised e) {
        version = e.version();
        alignment = e.alignment();
    }

    @EventSourcingHandler
    void on(BadgeAlignmentChecked e) {
        alignment = e.alignment();
    }

    @EventSourcingHandler
    void on(BadgeRetired e) {
        retired = true;
    }
}
