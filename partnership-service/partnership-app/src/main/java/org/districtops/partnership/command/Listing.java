package org.districtops.partnership.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.partnership.api.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's opportunity listing and the placements on it. The partner drafts, revises and submits; only the
 * district approves (publishes), returns or declines. A partner acts only on its own listings. A published
 * listing expires by deadline at the end of its applyUntil date (UTC).
 */
@Aggregate
public class Listing {

    private static final BigDecimal MAX_HOURS_PER_ENTRY = new BigDecimal("24");

    @AggregateIdentifier
    private String id;
    private ListingRef ref;
    private String partnerId;
    private ListingStatus status;
    private ListingDetails details;
    private final Map<String, Placement> placements = new HashMap<>();
    private final Set<String> students = new HashSet<>();

    private static final class Placement {
        LocalDate startedOn;
        final Map<String, BigDecimal> hours = new HashMap<>();
        final Set<String> confirmed = new HashSet<>();
        boolean completed;

        @Override
        public boolean equals(Object o) {
            return o instanceof Placement p && Objects.equals(startedOn, p.startedOn) && hours.equals(p.hours)
                    && confirmed.equals(p.confirmed) && completed == p.completed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(startedOn, hours, confirmed, completed);
        }
    }

    protected Listing() {
        // for Axon
    }

    @CommandHandler
    public Listing(DraftListing c) {
        Checks.text("partnerId", c.partnerId(), 64);
        if (c.actingPartnerId() != null && !c.actingPartnerId().equals(c.partnerId())) {
            throw new ForbiddenException("A partner drafts listings only for its own organisation.");
        }
        Checks.details(c.details());
        apply(new ListingDrafted(c.listing().districtId(), c.listing().listingId(), c.partnerId(),
                Checks.stripped(c.details())));
    }

    @CommandHandler
    public void handle(ReviseListing c) {
        owner(c.actingPartnerId());
        if (status != ListingStatus.DRAFT && status != ListingStatus.RETURNED) {
            throw new StateConflictException("Only a draft or returned listing can be revised (it is " + status + ").");
        }
        Checks.details(c.details());
        apply(new ListingRevised(ref.districtId(), ref.listingId(), partnerId, Checks.stripped(c.details())));
    }

    @CommandHandler
    public void handle(SubmitListing c) {
        owner(c.actingPartnerId());
        if (status != ListingStatus.DRAFT && status != ListingStatus.RETURNED) {
            throw new StateConflictException("Only a draft or returned listing can be submitted (it is " + status + ").");
        }
        apply(new ListingSubmitted(ref.districtId(), ref.listingId(), partnerId));
    }

    @CommandHandler
    public void handle(ApproveListing c, DeadlineManager deadlines) {
        requireSubmitted();
        if (details.applyUntil().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new StateConflictException("The listing's applyUntil date has passed; return it to be revised.");
        }
        apply(new ListingApproved(ref.districtId(), ref.listingId(), partnerId));
        Deadlines.schedule(deadlines, ref.districtId(), ExpiryDue.LISTING, expiry());
    }

    @CommandHandler
    public void handle(ReturnListing c) {
        requireSubmitted();
        Checks.text("reason", c.reason(), 1000);
        apply(new ListingReturned(ref.districtId(), ref.listingId(), partnerId, c.reason().strip()));
    }

    @CommandHandler
    public void handle(DeclineListing c) {
        requireSubmitted();
        Checks.text("reason", c.reason(), 1000);
        apply(new ListingDeclined(ref.districtId(), ref.listingId(), partnerId, c.reason().strip()));
    }

    @CommandHandler
    public void handle(EndListing c) {
        owner(c.actingPartnerId());
        Checks.required("outcome", c.outcome());
        if (status != ListingStatus.APPROVED) {
            throw new StateConflictException("Only a published listing can be closed or filled (it is " + status + ").");
        }
        apply(new ListingEnded(ref.districtId(), ref.listingId(), partnerId, c.outcome()));
    }

    /** Deadlines live in memory: re-arm the listing's, or record the expiry if its date passed meanwhile. */
    @CommandHandler
    public void handle(ScheduleListingExpiry c, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(ExpiryDue.DEADLINE);
        if (status != ListingStatus.APPROVED) {
            return;
        }
        if (!expiry().isAfter(Instant.now())) {
            apply(new ListingExpired(ref.districtId(), ref.listingId(), partnerId, details.applyUntil()));
        } else {
            Deadlines.schedule(deadlines, ref.districtId(), ExpiryDue.LISTING, expiry());
        }
    }

    @DeadlineHandler(deadlineName = ExpiryDue.DEADLINE)
    void on(ExpiryDue due) {
        if (status == ListingStatus.APPROVED && due.expiresAt().equals(expiry())) {
            apply(new ListingExpired(ref.districtId(), ref.listingId(), partnerId, details.applyUntil()));
        }
    }

    @CommandHandler
    public void handle(RecordPlacement c) {
        if (status != ListingStatus.APPROVED && status != ListingStatus.FILLED && status != ListingStatus.CLOSED
                && status != ListingStatus.EXPIRED) {
            throw new StateConflictException("Students are placed only on a listing the district published.");
        }
        Checks.text("placementId", c.placementId(), 64);
        Checks.studentId(c.studentId());
        Checks.text("school", c.school(), 200);
        Checks.required("startedOn", c.startedOn());
        if (placements.containsKey(c.placementId())) {
            throw new StateConflictException("Placement " + c.placementId() + " exists already.");
        }
        if (students.contains(c.studentId())) {
            throw new StateConflictException("This student is placed on this listing already.");
        }
        if (placements.size() >= details.capacity()) {
            throw new StateConflictException("The listing is at capacity (" + details.capacity() + ").");
        }
        apply(new PlacementRecorded(ref.districtId(), ref.listingId(), partnerId, c.placementId(), c.studentId(),
                c.school().strip(), c.startedOn()));
    }

    @CommandHandler
    public void handle(LogPlacementHours c) {
        Placement p = placement(c.placementId());
        if (p.completed) {
            throw new StateConflictException("The placement is completed.");
        }
        Checks.text("entryId", c.entryId(), 64);
        if (p.hours.containsKey(c.entryId())) {
            throw new StateConflictException("Hours entry " + c.entryId() + " exists already.");
        }
        Checks.required("workedOn", c.workedOn());
        if (c.workedOn().isBefore(p.startedOn) || c.workedOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw new InvalidInputException("workedOn", "must be between the placement's start and today");
        }
        if (c.hours() == null || c.hours().signum() <= 0 || c.hours().compareTo(MAX_HOURS_PER_ENTRY) > 0
                || c.hours().stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("hours", "must be more than 0 and at most 24, in hundredths at most");
        }
        apply(new PlacementHoursLogged(ref.districtId(), ref.listingId(), c.placementId(), c.entryId(), c.workedOn(),
                c.hours()));
    }

    @CommandHandler
    public void handle(ConfirmPlacementHours c) {
        if (c.actingPartnerId() == null) {
            throw new ForbiddenException("Hours are confirmed by the partner's supervisor.");
        }
        owner(c.actingPartnerId());
        Placement p = placement(c.placementId());
        BigDecimal hours = p.hours.get(c.entryId());
        if (hours == null) {
            throw new NotFoundException("No hours entry " + c.entryId() + " in placement " + c.placementId() + ".");
        }
        if (p.confirmed.contains(c.entryId())) {
            throw new StateConflictException("These hours are confirmed already.");
        }
        apply(new PlacementHoursConfirmed(ref.districtId(), ref.listingId(), c.placementId(), c.entryId(), hours));
    }

    @CommandHandler
    public void handle(CompletePlacement c) {
        owner(c.actingPartnerId());
        Placement p = placement(c.placementId());
        if (p.completed) {
            throw new StateConflictException("The placement is completed already.");
        }
        if (c.rating() < 1 || c.rating() > 4) {
            throw new InvalidInputException("rating", "must be between 1 and 4");
        }
        Checks.text("comments", c.comments(), 2000);
        Checks.noContactData("comments", c.comments());
        apply(new PlacementCompleted(ref.districtId(), ref.listingId(), c.placementId(), c.rating(), c.comments().strip()));
    }

    private void owner(String actingPartnerId) {
        if (actingPartnerId != null && !actingPartnerId.equals(partnerId)) {
            throw new ForbiddenException("This listing belongs to another partner.");
        }
    }

    private void requireSubmitted() {
        if (status != ListingStatus.SUBMITTED) {
            throw new StateConflictException("Only a submitted listing can be reviewed (it is " + status + ").");
        }
    }

    private Placement placement(String placementId) {
        Placement p = placements.get(placementId);
        if (p == null) {
            throw new NotFoundException("No placement " + placementId + " on this listing.");
        }
        return p;
    }

    /** A listing is open to the end of its applyUntil date, UTC. */
    private Instant expiry() {
        return details.applyUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @EventSourcingHandler
    void on(ListingDrafted e) {
        ref = new ListingRef(e.districtId(), e.listingId());
        id = ref.toString();
        partnerId = e.partnerId();
        details = e.details();
        status = ListingStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(ListingRevised e) {
        details = e.details();
    }

    @EventSourcingHandler
    void on(ListingSubmitted e) {
        status = ListingStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ListingApproved e) {
        status = ListingStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ListingReturned e) {
        status = ListingStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ListingDeclined e) {
        status = ListingStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(ListingEnded e) {
        status = e.outcome() == ListingOutcome.FILLED ? ListingStatus.FILLED : ListingStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ListingExpired e) {
        status = ListingStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(PlacementRecorded e) {
        Placement p = new Placement();
        p.startedOn = e.startedOn();
        placements.put(e.placementId(), p);
        students.add(e.studentId());
    }

    @EventSourcingHandler
    void on(PlacementHoursLogged e) {
        placements.get(e.placementId()).hours.put(e.entryId(), e.hours());
    }

    @EventSourcingHandler
    void on(PlacementHoursConfirmed e) {
        placements.get(e.placementId()).confirmed.add(e.entryId());
    }

    @EventSourcingHandler
    void on(PlacementCompleted e) {
        placements.get(e.placementId()).completed = true;
    }
}
