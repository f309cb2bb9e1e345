package org.districtops.partnership.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.partnership.api.*;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The listings read model: one document per listing with its placements, plus its own copy of each partner's
 * name and standing (so the board is built from this projection alone). Serves the public board, the partner
 * portal, the review queue and the public figures. Idempotent like every projection here: documents remember
 * the sequence number of the last event applied.
 */
@Component
@ProcessingGroup(ListingProjection.PROCESSING_GROUP)
public class ListingProjection {

    public static final String PROCESSING_GROUP = "listings";
    static final String COLLECTION = "listings";
    static final String PARTNERS = "listing_partners";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static final Duration BOARD_TTL = Duration.ofSeconds(10);

    private final MongoCollection<Document> listings;
    private final MongoCollection<Document> partners;
    private final Cache<String, Board> boards = Caffeine.newBuilder().expireAfterWrite(BOARD_TTL)
            .maximumWeight(200_000).weigher((String district, Board board) -> 1 + board.listings().size()).build();

    public ListingProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.listings = readSideDatabase.getCollection(COLLECTION);
        listings.createIndex(Indexes.ascending("districtId"));
        listings.createIndex(Indexes.ascending("partnerId"));
        listings.createIndex(Indexes.ascending("status"));
        listings.createIndex(Indexes.compoundIndex(Indexes.ascending("districtId", "status"),
                Indexes.descending("approvedAt")));
        this.partners = readSideDatabase.getCollection(PARTNERS);
        partners.createIndex(Indexes.ascending("districtId"));
    }

    @EventHandler
    void on(PartnerOnboarded e, @SequenceNumber long sequence) {
        String id = new PartnerRef(e.districtId(), e.partnerId()).toString();
        if (partners.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        PartnerSummary p = new PartnerSummary();
        p.id = id;
        p.districtId = e.districtId();
        p.partnerId = e.partnerId();
        p.name = e.name();
        p.type = e.type();
        p.version = sequence;
        partners.replaceOne(Filters.eq("_id", id), toDocument(p, p.id), new ReplaceOptions().upsert(true));
        boards.invalidateAll();
    }

    @EventHandler
    void on(PartnerStandingChanged e, @SequenceNumber long sequence) {
        String id = new PartnerRef(e.districtId(), e.partnerId()).toString();
        Document doc = partners.find(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence))).first();
        if (doc == null) {
            return;
        }
        PartnerSummary p = JSON.readValue(doc.toJson(), PartnerSummary.class);
        p.goodStanding = e.goodStanding();
        p.version = sequence;
        partners.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)), toDocument(p, p.id));
        boards.invalidateAll();
    }

    @EventHandler
    void on(ListingDrafted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = new ListingRef(e.districtId(), e.listingId()).toString();
        if (listings.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        ListingState s = new ListingState();
        s.id = id;
        s.districtId = e.districtId();
        s.listingId = e.listingId();
        s.partnerId = e.partnerId();
        s.status = ListingStatus.DRAFT;
        s.details = e.details();
        s.draftedAt = at;
        s.version = sequence;
        listings.replaceOne(Filters.eq("_id", id), toDocument(s, s.id), new ReplaceOptions().upsert(true));
        boards.invalidateAll();
    }

    @EventHandler
    void on(ListingRevised e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> s.details = e.details());
    }

    @EventHandler
    void on(ListingSubmitted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.listingId(), sequence, s -> {
            s.status = ListingStatus.SUBMITTED;
            s.submittedAt = at;
        });
    }

    @EventHandler
    void on(ListingApproved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.listingId(), sequence, s -> {
            s.status = ListingStatus.APPROVED;
            s.approvedAt = at;
        });
    }

    @EventHandler
    void on(ListingReturned e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.listingId(), sequence, s -> note(s, ListingStatus.RETURNED, e.reason(), at));
    }

    @EventHandler
    void on(ListingDeclined e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.listingId(), sequence, s -> note(s, ListingStatus.DECLINED, e.reason(), at));
    }

    @EventHandler
    void on(ListingEnded e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> s.status = e.outcome() == ListingOutcome.FILLED
                ? ListingStatus.FILLED : ListingStatus.CLOSED);
    }

    @EventHandler
    void on(ListingExpired e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> s.status = ListingStatus.EXPIRED);
    }

    @EventHandler
    void on(PlacementRecorded e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> {
            ListingState.Placement p = new ListingState.Placement();
            p.placementId = e.placementId();
            p.studentId = e.studentId();
            p.school = e.school();
            p.startedOn = e.startedOn();
            s.placements.add(p);
        });
    }

    @EventHandler
    void on(PlacementHoursLogged e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> {
            ListingState.Hours h = new ListingState.Hours();
            h.entryId = e.entryId();
            h.workedOn = e.workedOn();
            h.hours = e.hours();
            s.placement(e.placementId()).hours.add(h);
        });
    }

    @EventHandler
    void on(PlacementHoursConfirmed e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> s.placement(e.placementId()).hours.stream()
                .filter(h -> h.entryId.equals(e.entryId())).forEach(h -> h.confirmed = true));
    }

    @EventHandler
    void on(PlacementCompleted e, @SequenceNumber long sequence) {
        change(e.districtId(), e.listingId(), sequence, s -> {
            ListingState.Placement p = s.placement(e.placementId());
            p.completed = true;
            p.rating = e.rating();
            p.comments = e.comments();
        });
    }

    /**
     * The board serves most of the service's traffic, so each district's open listings (newest first, without
     * placements and review notes) are read from MongoDB once and kept for {@link #BOARD_TTL}, or until this
     * projection changes a listing or partner; a search filters and pages that list in memory. Another instance's
     * changes show within the TTL.
     */
    @QueryHandler
    public OpportunityPage handle(FindOpportunities query) {
        Board board = boards.get(query.districtId() + "|" + query.today(), key -> loadBoard(query.districtId(), query.today()));
        List<ListingState> matching = board.listings().stream().filter(s -> OpportunityViews.matches(s, query)).toList();
        List<Opportunity> items = matching.stream().skip((long) (query.page() - 1) * query.size()).limit(query.size())
                .map(s -> OpportunityViews.opportunity(s, board.partners().get(s.partnerId))).toList();
        return new OpportunityPage(items, matching.size());
    }

    private record Board(List<ListingState> listings, Map<String, PartnerSummary> partners) {
    }

    private Board loadBoard(String districtId, LocalDate today) {
        Map<String, PartnerSummary> standing = partners(districtId);
        List<String> inGoodStanding = standing.values().stream().filter(p -> p.goodStanding).map(p -> p.partnerId).toList();
        List<ListingState> open = new ArrayList<>();
        listings.find(OpportunityViews.boardFilter(districtId, today, inGoodStanding))
                .projection(Projections.exclude("placements", "reviewNotes"))
                .sort(Sorts.orderBy(Sorts.descending("approvedAt"), Sorts.ascending("listingId")))
                .forEach(d -> open.add(fromDocument(d)));
        return new Board(List.copyOf(open), Map.copyOf(standing));
    }

    @QueryHandler
    public Optional<Opportunity> handle(FindOpportunity query) {
        return state(query.districtId(), query.listingId()).flatMap(s -> {
            PartnerSummary partner = partner(s.districtId, s.partnerId);
            return OpportunityViews.onBoard(s, partner, query.today())
                    ? Optional.of(OpportunityViews.opportunity(s, partner)) : Optional.empty();
        });
    }

    @QueryHandler
    public Optional<ListingView> handle(FindListing query) {
        return state(query.districtId(), query.listingId())
                .map(s -> OpportunityViews.listingView(s, partner(s.districtId, s.partnerId)));
    }

    @QueryHandler
    public List<ListingView> handle(FindPartnerListings query) {
        PartnerSummary partner = partner(query.districtId(), query.partnerId());
        List<ListingView> views = new ArrayList<>();
        listings.find(Filters.eq("partnerId", query.partnerId())).forEach(d -> {
            ListingState s = fromDocument(d);
            if (s.districtId.equals(query.districtId())) {
                views.add(OpportunityViews.listingView(s, partner));
            }
        });
        views.sort(Comparator.comparing(ListingView::listingId));
        return views;
    }

    @QueryHandler
    public List<ListingView> handle(FindReviewQueue query) {
        Map<String, PartnerSummary> names = partners(query.districtId());
        List<ListingView> queue = new ArrayList<>();
        listings.find(Filters.eq("status", ListingStatus.SUBMITTED.name())).forEach(d -> {
            ListingState s = fromDocument(d);
            if (s.districtId.equals(query.districtId())) {
                queue.add(OpportunityViews.listingView(s, names.get(s.partnerId)));
            }
        });
        queue.sort(Comparator.comparing(ListingView::submittedAt).thenComparing(ListingView::listingId));
        return queue;
    }

    @QueryHandler
    public List<ListingRef> handle(FindPublishedListings query) {
        List<ListingRef> refs = new ArrayList<>();
        listings.find(Filters.eq("status", ListingStatus.APPROVED.name()))
                .forEach(d -> refs.add(new ListingRef(d.getString("districtId"), d.getString("listingId"))));
        return refs;
    }

    @QueryHandler
    public List<PlacementView> handle(FindPlacements query) {
        return state(query.districtId(), query.listingId())
                .map(s -> s.placements.stream().map(OpportunityViews::placementView).toList()).orElse(List.of());
    }

    @QueryHandler
    public PartnershipFigures handle(FindPartnershipFigures query) {
        Map<String, PartnerSummary> standing = partners(query.districtId());
        List<ListingState> all = districtListings(query.districtId());
        List<ListingState> board = all.stream()
                .filter(s -> OpportunityViews.onBoard(s, standing.get(s.partnerId), query.today())).toList();
        return OpportunityViews.figures(query.districtId(), board, all);
    }

    /** Internal: the stored listing, for the web layer's ownership checks. */
    public Optional<ListingState> state(String districtId, String listingId) {
        return Optional.ofNullable(listings.find(Filters.eq("_id", new ListingRef(districtId, listingId).toString()))
                .first()).map(ListingProjection::fromDocument);
    }

    private static void note(ListingState s, ListingStatus status, String reason, Instant at) {
        ListingState.Note n = new ListingState.Note();
        n.at = at;
        n.status = status;
        n.reason = reason;
        s.reviewNotes.add(n);
        s.status = status;
    }

    private PartnerSummary partner(String districtId, String partnerId) {
        Document d = partners.find(Filters.eq("_id", new PartnerRef(districtId, partnerId).toString())).first();
        return d == null ? null : JSON.readValue(d.toJson(), PartnerSummary.class);
    }

    private Map<String, PartnerSummary> partners(String districtId) {
        Map<String, PartnerSummary> byId = new HashMap<>();
        partners.find(Filters.eq("districtId", districtId)).forEach(d -> {
            PartnerSummary p = JSON.readValue(d.toJson(), PartnerSummary.class);
            byId.put(p.partnerId, p);
        });
        return byId;
    }

    private List<ListingState> districtListings(String districtId) {
        List<ListingState> states = new ArrayList<>();
        listings.find(Filters.eq("districtId", districtId)).forEach(d -> states.add(fromDocument(d)));
        return states;
    }

    private void change(String districtId, String listingId, long sequence, Consumer<ListingState> mutation) {
        String id = new ListingRef(districtId, listingId).toString();
        Document doc = listings.find(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence))).first();
        if (doc == null) {
            return; // already applied
        }
        ListingState state = fromDocument(doc);
        mutation.accept(state);
        state.version = sequence;
        listings.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)), toDocument(state, id));
        boards.invalidateAll();
    }

    private static Document toDocument(Object state, String id) {
        Document doc = Document.parse(JSON.writeValueAsString(state));
        doc.put("_id", id);
        return doc;
    }

    private static ListingState fromDocument(Document doc) {
        return JSON.readValue(doc.toJson(), ListingState.class);
    }
}
