package org.districtops.partnership.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.partnership.api.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner organisation: its contacts, its agreement (MOU) and its attestations. Expiry is a deadline: when the
 * agreement or an attestation reaches its expiry the partner records it and leaves good standing; a renewal
 * (a new expiry) brings it back. Deadlines scheduled for an expiry that was renewed since are ignored.
 */
@Aggregate
public class Partner {

    static final int MAX_CONTACTS = 20;

    @AggregateIdentifier
    private String id;
    private PartnerRef ref;
    private final Set<String> contactIds = new HashSet<>();
    private Instant agreementExpiresAt;
    private boolean agreementExpired;
    private AlignmentStatus agreementAlignment;
    private final Map<AttestationType, Instant> attestations = new EnumMap<>(AttestationType.class);
    private final Set<AttestationType> expiredAttestations = EnumSet.noneOf(AttestationType.class);
    private boolean goodStanding;
    private List<String> standingReasons = List.of();

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    public Partner(OnboardPartner c) {
        Checks.text("name", c.name(), 200);
        Checks.required("type", c.type());
        Checks.optionalText("description", c.description(), 2000);
        Checks.optionalText("website", c.website(), 300);
        if (c.website() != null && !c.website().isBlank() && !c.website().strip().matches("https?://\\S+")) {
            throw new InvalidInputException("website", "must be an http(s) address");
        }
        apply(new PartnerOnboarded(c.partner().districtId(), c.partner().partnerId(), c.name().strip(), c.type(),
                c.description() == null ? "" : c.description().strip(),
                c.website() == null || c.website().isBlank() ? null : c.website().strip()));
        // events applied in a constructor reach the handlers after it returns: use the command's identity
        apply(new PartnerStandingChanged(c.partner().districtId(), c.partner().partnerId(), false, standingReasons()));
    }

    @CommandHandler
    public void handle(AddPartnerContact c) {
        Contact contact = c.contact();
        Checks.required("contact", contact);
        Checks.text("name", contact.name(), 200);
        Checks.text("role", contact.role(), 200);
        Checks.email("email", contact.email());
        if (contact.phone() != null && !contact.phone().isBlank() && !Checks.PHONE.matcher(contact.phone().strip()).matches()) {
            throw new InvalidInputException("phone", "must be a phone number");
        }
        if (contactIds.contains(contact.contactId())) {
            throw new StateConflictException("Contact " + contact.contactId() + " exists already.");
        }
        if (contactIds.size() >= MAX_CONTACTS) {
            throw new StateConflictException("A partner has at most " + MAX_CONTACTS + " contacts.");
        }
        apply(new PartnerContactAdded(ref.districtId(), ref.partnerId(), new Contact(contact.contactId(),
                contact.name().strip(), contact.role().strip(), contact.email().strip(),
                contact.phone() == null || contact.phone().isBlank() ? null : contact.phone().strip())));
    }

    @CommandHandler
    public void handle(RemovePartnerContact c) {
        if (!contactIds.contains(c.contactId())) {
            throw new NotFoundException("No contact " + c.contactId() + " for this partner.");
        }
        apply(new PartnerContactRemoved(ref.districtId(), ref.partnerId(), c.contactId()));
    }

    /** Returns the partner's version after the agreement and the standing it brings (pages wait for that version). */
    @CommandHandler
    public long handle(SignAgreement c, DeadlineManager deadlines) {
        Checks.required("start", c.start());
        if (c.end() == null || !c.end().isAfter(c.start())) {
            throw new InvalidInputException("end", "must be after start");
        }
        future("expiresAt", c.expiresAt());
        List<String> goals = c.goalIds() == null ? List.of() : List.copyOf(c.goalIds());
        if (goals.size() > 10) {
            throw new InvalidInputException("goalIds", "at most 10 goals");
        }
        Checks.required("alignment", c.alignment());
        if (c.alignment() == AlignmentStatus.INVALID) {
            throw new InvalidInputException("goalIds", "names goals that are not in the district's plan");
        }
        apply(new AgreementSigned(ref.districtId(), ref.partnerId(), c.start(), c.end(), c.expiresAt(), goals,
                c.alignment()));
        Deadlines.schedule(deadlines, ref.districtId(), ExpiryDue.AGREEMENT, c.expiresAt());
        updateStanding();
        return version();
    }

    @CommandHandler
    public void handle(CheckAgreementAlignment c) {
        if (agreementExpiresAt == null) {
            throw new StateConflictException("The partner has no agreement to check.");
        }
        Checks.required("alignment", c.alignment());
        if (c.alignment() != agreementAlignment) {
            apply(new AgreementAlignmentChecked(ref.districtId(), ref.partnerId(), c.alignment(),
                    c.unknownGoalIds() == null ? List.of() : List.copyOf(c.unknownGoalIds())));
        }
    }

    /** Returns the partner's version after the attestation and the standing it brings. */
    @CommandHandler
    public long handle(RecordAttestation c, DeadlineManager deadlines) {
        Checks.required("type", c.type());
        future("expiresAt", c.expiresAt());
        Checks.text("reference", c.reference(), 200);
        apply(new AttestationRecorded(ref.districtId(), ref.partnerId(), c.type(), c.expiresAt(), c.reference().strip()));
        Deadlines.schedule(deadlines, ref.districtId(), c.type().name(), c.expiresAt());
        updateStanding();
        return version();
    }

    /** Deadlines live in memory: re-arm every pending one, and record the expiries that passed meanwhile. */
    @CommandHandler
    public void handle(ScheduleExpiryCheck c, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(ExpiryDue.DEADLINE);
        Instant now = Instant.now();
        if (agreementExpiresAt != null && !agreementExpired) {
            if (!agreementExpiresAt.isAfter(now)) {
                expire(ExpiryDue.AGREEMENT, agreementExpiresAt);
            } else {
                Deadlines.schedule(deadlines, ref.districtId(), ExpiryDue.AGREEMENT, agreementExpiresAt);
            }
        }
        for (Map.Entry<AttestationType, Instant> a : new ArrayList<>(attestations.entrySet())) {
            if (expiredAttestations.contains(a.getKey())) {
                continue;
            }
            if (!a.getValue().isAfter(now)) {
                expire(a.getKey().name(), a.getValue());
            } else {
                Deadlines.schedule(deadlines, ref.districtId(), a.getKey().name(), a.getValue());
            }
        }
        updateStanding();
    }

    @DeadlineHandler(deadlineName = ExpiryDue.DEADLINE)
    void on(ExpiryDue due) {
        expire(due.item(), due.expiresAt());
        updateStanding();
    }

    private void expire(String item, Instant expiresAt) {
        if (ExpiryDue.AGREEMENT.equals(item)) {
            if (!agreementExpired && Objects.equals(agreementExpiresAt, expiresAt)) {
                apply(new AgreementExpired(ref.districtId(), ref.partnerId(), expiresAt));
            }
            return;
        }
        AttestationType type = AttestationType.valueOf(item);
        if (!expiredAttestations.contains(type) && Objects.equals(attestations.get(type), expiresAt)) {
            apply(new AttestationExpired(ref.districtId(), ref.partnerId(), type, expiresAt));
        }
    }

    /** Records a change of standing (or of its reasons) after the events just applied. */
    private void updateStanding() {
        List<String> reasons = standingReasons();
        boolean good = reasons.isEmpty();
        if (good != goodStanding || !reasons.equals(standingReasons)) {
            apply(new PartnerStandingChanged(ref.districtId(), ref.partnerId(), good, List.copyOf(reasons)));
        }
    }

    /** What keeps the partner out of good standing; empty when it is in good standing. */
    private List<String> standingReasons() {
        List<String> reasons = new ArrayList<>();
        if (agreementExpiresAt == null) {
            reasons.add("no agreement on record");
        } else if (agreementExpired) {
            reasons.add("the agreement expired");
        }
        for (AttestationType type : AttestationType.values()) {
            if (!attestations.containsKey(type)) {
                reasons.add("no " + type.name() + " attestation");
            } else if (expiredAttestations.contains(type)) {
                reasons.add("the " + type.name() + " attestation expired");
            }
        }
        return List.copyOf(reasons);
    }

    private static void future(String field, Instant instant) {
        if (instant == null || !instant.isAfter(Instant.now())) {
            throw new InvalidInputException(field, "must be in the future");
        }
    }

    @EventSourcingHandler
    void on(PartnerOnboarded e) {
        ref = new PartnerRef(e.districtId(), e.partnerId());
        id = ref.toString();
    }

    @EventSourcingHandler
    void on(PartnerContactAdded e) {
        contactIds.add(e.contact().contactId());
    }

    @EventSourcingHandler
    void on(PartnerContactRemoved e) {
        contactIds.remove(e.contactId());
    }

    @EventSourcingHandler
    void on(AgreementSigned e) {
        agreementExpiresAt = e.expiresAt();
        agreementExpired = false;
        agreementAlignment = e.alignment();
    }

    @EventSourcingHandler
    void on(AgreementAlignmentChecked e) {
        agreementAlignment = e.alignment();
    }

    @EventSourcingHandler
    void on(AttestationRecorded e) {
        attestations.put(e.type(), e.expiresAt());
        expiredAttestations.remove(e.type());
    }

    @EventSourcingHandler
    void on(AgreementExpired e) {
        agreementExpired = true;
    }

    @EventSourcingHandler
    void on(AttestationExpired e) {
        expiredAttestations.add(e.type());
    }

    @EventSourcingHandler
    void on(PartnerStandingChanged e) {
        goodStanding = e.goodStanding();
        standingReasons = e.reasons();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
