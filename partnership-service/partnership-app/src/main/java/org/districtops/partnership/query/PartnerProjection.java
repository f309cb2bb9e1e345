package org.districtops.partnership.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.partnership.api.*;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The partners read model: one document per partner (staff view, partner's own view, expiring commitments).
 * Idempotent: a document remembers the sequence number of the last event applied and is written only over an
 * older version.
 */
@Component
@ProcessingGroup(PartnerProjection.PROCESSING_GROUP)
public class PartnerProjection {

    public static final String PROCESSING_GROUP = "partners";
    static final String COLLECTION = "partners";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MongoCollection<Document> partners;

    public PartnerProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.partners = readSideDatabase.getCollection(COLLECTION);
        partners.createIndex(Indexes.ascending("districtId"));
        partners.createIndex(Indexes.ascending("hasExpiries"));
        partners.createIndex(Indexes.ascending("agreementAlignment"));
    }

    @EventHandler
    void on(PartnerOnboarded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = new PartnerRef(e.districtId(), e.partnerId()).toString();
        if (partners.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        PartnerState s = new PartnerState();
        s.id = id;
        s.districtId = e.districtId();
        s.partnerId = e.partnerId();
        s.name = e.name();
        s.type = e.type();
        s.description = e.description();
        s.website = e.website();
        s.onboardedAt = at;
        s.version = sequence;
        partners.replaceOne(Filters.eq("_id", id), toDocument(s), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(PartnerContactAdded e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> s.contacts.add(e.contact()));
    }

    @EventHandler
    void on(PartnerContactRemoved e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> s.contacts.removeIf(c -> c.contactId().equals(e.contactId())));
    }

    @EventHandler
    void on(AgreementSigned e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> {
            PartnerState.Agreement a = new PartnerState.Agreement();
            a.start = e.start();
            a.end = e.end();
            a.expiresAt = e.expiresAt();
            a.goalIds = new ArrayList<>(e.goalIds());
            a.alignment = e.alignment();
            s.agreement = a;
            s.agreementAlignment = e.alignment();
            s.hasExpiries = true;
        });
    }

    @EventHandler
    void on(AgreementAlignmentChecked e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> {
            s.agreement.alignment = e.alignment();
            s.agreement.unknownGoalIds = new ArrayList<>(e.unknownGoalIds());
            s.agreementAlignment = e.alignment();
        });
    }

    @EventHandler
    void on(AttestationRecorded e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> {
            s.attestations.removeIf(a -> a.type == e.type());
            PartnerState.Attestation a = new PartnerState.Attestation();
            a.type = e.type();
            a.expiresAt = e.expiresAt();
            a.reference = e.reference();
            s.attestations.add(a);
            s.attestations.sort(Comparator.comparing(x -> x.type));
            s.hasExpiries = true;
        });
    }

    @EventHandler
    void on(AgreementExpired e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> {
            if (s.agreement != null) {
                s.agreement.expired = true;
            }
        });
    }

    @EventHandler
    void on(AttestationExpired e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence,
                s -> s.attestations.stream().filter(a -> a.type == e.type()).forEach(a -> a.expired = true));
    }

    @EventHandler
    void on(PartnerStandingChanged e, @SequenceNumber long sequence) {
        change(e.districtId(), e.partnerId(), sequence, s -> {
            s.goodStanding = e.goodStanding();
            s.standingReasons = new ArrayList<>(e.reasons());
        });
    }

    @QueryHandler
    public Optional<PartnerView> handle(FindPartner query) {
        return Optional.ofNullable(partners.find(Filters.eq("_id",
                        new PartnerRef(query.districtId(), query.partnerId()).toString())).first())
                .map(PartnerProjection::fromDocument).map(PartnerProjection::view);
    }

    @QueryHandler
    public List<PartnerView> handle(FindPartners query) {
        return districtPartners(query.districtId()).stream()
                .sorted(Comparator.comparing((PartnerState s) -> s.name.toLowerCase()).thenComparing(s -> s.partnerId))
                .map(PartnerProjection::view).toList();
    }

    @QueryHandler
    public List<ExpiringCommitment> handle(FindExpiringCommitments query) {
        List<ExpiringCommitment> expiring = new ArrayList<>();
        for (PartnerState s : districtPartners(query.districtId())) {
            if (s.agreement != null && !s.agreement.expired && s.agreement.expiresAt.isBefore(query.before())) {
                expiring.add(new ExpiringCommitment(s.partnerId, s.name, "AGREEMENT", s.agreement.expiresAt));
            }
            for (PartnerState.Attestation a : s.attestations) {
                if (!a.expired && a.expiresAt.isBefore(query.before())) {
                    expiring.add(new ExpiringCommitment(s.partnerId, s.name, a.type.name(), a.expiresAt));
                }
            }
        }
        expiring.sort(Comparator.comparing(ExpiringCommitment::expiresAt).thenComparing(ExpiringCommitment::partnerId));
        return expiring;
    }

    @QueryHandler
    public List<PartnerRef> handle(FindPartnersWithExpiries query) {
        List<PartnerRef> refs = new ArrayList<>();
        partners.find(Filters.eq("hasExpiries", true))
                .forEach(d -> refs.add(new PartnerRef(d.getString("districtId"), d.getString("partnerId"))));
        return refs;
    }

    @QueryHandler
    public List<PartnerRef> handle(FindAgreementsAwaitingAlignment query) {
        List<PartnerRef> refs = new ArrayList<>();
        partners.find(Filters.eq("agreementAlignment", AlignmentStatus.UNVERIFIED.name()))
                .forEach(d -> refs.add(new PartnerRef(d.getString("districtId"), d.getString("partnerId"))));
        return refs;
    }

    private List<PartnerState> districtPartners(String districtId) {
        List<PartnerState> states = new ArrayList<>();
        partners.find(Filters.eq("districtId", districtId)).forEach(d -> states.add(fromDocument(d)));
        return states;
    }

    static PartnerView view(PartnerState s) {
        PartnerView.Agreement agreement = s.agreement == null ? null : new PartnerView.Agreement(s.agreement.start,
                s.agreement.end, s.agreement.expiresAt, s.agreement.goalIds, s.agreement.alignment,
                s.agreement.unknownGoalIds, s.agreement.expired);
        return new PartnerView(s.partnerId, s.districtId, s.name, s.type, s.description, s.website, s.contacts,
                agreement, s.attestations.stream().map(a -> new PartnerView.Attestation(a.type, a.expiresAt,
                a.reference, a.expired)).toList(), s.goodStanding, s.standingReasons, s.version);
    }

    private void change(String districtId, String partnerId, long sequence, Consumer<PartnerState> mutation) {
        String id = new PartnerRef(districtId, partnerId).toString();
        Document doc = partners.find(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence))).first();
        if (doc == null) {
            return; // already applied
        }
        PartnerState state = fromDocument(doc);
        mutation.accept(state);
        state.version = sequence;
        partners.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)), toDocument(state));
    }

    private static Document toDocument(PartnerState state) {
        Document doc = Document.parse(JSON.writeValueAsString(state));
        doc.put("_id", state.id);
        return doc;
    }

    private static PartnerState fromDocument(Document doc) {
        return JSON.readValue(doc.toJson(), PartnerState.class);
    }
}
