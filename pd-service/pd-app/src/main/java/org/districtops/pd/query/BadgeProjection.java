package org.districtops.pd.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.pd.api.*;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The badge catalog: one document per badge with every version (awards reference the version). */
@Component
@ProcessingGroup(BadgeProjection.PROCESSING_GROUP)
public class BadgeProjection {

    public static final String PROCESSING_GROUP = "badges";
    public static final String COLLECTION = "badges";

    /** The stored state of one badge. */
    public static class State {
        public String districtId;
        public String badgeId;
        public int currentVersion;
        public boolean retired;
        public String retiredReason;
        public List<BadgeView.Version> versions = new ArrayList<>();
        /** The current version's alignment is UNVERIFIED (indexed for the re-checker). */
        public boolean unverified;
        public long version;
    }

    private static BadgeView.Version current(State s) {
        return s.versions.stream().filter(v -> v.version() == s.currentVersion).findFirst().orElseThrow();
    }

    private final VersionedDocuments<State> badges;

    public BadgeProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        MongoCollection<Document> collection = readSideDatabase.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("districtId"));
        collection.createIndex(Indexes.ascending("unverified"));
        this.badges = new VersionedDocuments<>(collection, State.class);
    }

    @EventHandler
    void on(BadgeDefined e, @SequenceNumber long sequence, @Timestamp Instant at) {
        badges.create(new BadgeRef(e.districtId(), e.badgeId()).toString(), sequence, () -> {
            State s = new State();
            s.districtId = e.districtId();
            s.badgeId = e.badgeId();
            s.currentVersion = e.version();
            s.versions.add(new BadgeView.Version(e.version(), e.terms(), e.alignment(), at));
            s.unverified = e.alignment() == AlignmentStatus.UNVERIFIED;
            return s;
        });
    }

    @EventHandler
    void on(BadgeRevised e, @SequenceNumber long sequence, @Timestamp Instant at) {
        badges.change(new BadgeRef(e.districtId(), e.badgeId()).toString(), sequence, s -> {
            s.currentVersion = e.version();
            s.versions.add(new BadgeView.Version(e.version(), e.terms(), e.alignment(), at));
            s.unverified = e.alignment() == AlignmentStatus.UNVERIFIED;
        });
    }

    @EventHandler
    void on(BadgeAlignmentChecked e, @SequenceNumber long sequence) {
        badges.change(new BadgeRef(e.districtId(), e.badgeId()).toString(), sequence, s -> {
            s.versions.replaceAll(v -> v.version() == e.version()
                    ? new BadgeView.Version(v.version(), v.terms(), e.alignment(), v.publishedAt()) : v);
            s.unverified = current(s).alignment() == AlignmentStatus.UNVERIFIED;
        });
    }

    @EventHandler
    void on(BadgeRetired e, @SequenceNumber long sequence) {
        badges.change(new BadgeRef(e.districtId(), e.badgeId()).toString(), sequence, s -> {
            s.retired = true;
            s.retiredReason = e.reason();
            s.unverified = false;
        });
    }

    @QueryHandler
    public List<BadgeRef> handle(FindBadgesAwaitingAlignment query) {
        return badges.find(Filters.eq("unverified", true)).stream().map(s -> new BadgeRef(s.districtId, s.badgeId)).toList();
    }

    @QueryHandler
    public Optional<BadgeView> handle(FindBadge query) {
        return badges.find(new BadgeRef(query.districtId(), query.badgeId()).toString()).map(BadgeProjection::view);
    }

    @QueryHandler
    public List<BadgeView> handle(FindCatalog query) {
        return badges.find(Filters.eq("districtId", query.districtId())).stream().map(BadgeProjection::view)
                .sorted(Comparator.comparing(b -> b.current().terms().name())).toList();
    }

    private static BadgeView view(State s) {
        return new BadgeView(s.districtId, s.badgeId, s.currentVersion, s.retired, s.retiredReason,
                List.copyOf(s.versions), s.version);
    }
}
