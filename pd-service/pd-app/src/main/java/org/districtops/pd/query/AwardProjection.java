package org.districtops.pd.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.pd.api.*;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Awards: one document per award. Expiry is not an event: {@code expired} and {@code renewalDue} are computed
 * when read from {@code validUntil} (so the same rule applies to the portfolio, the credential and verification).
 */
@Component
@ProcessingGroup(AwardProjection.PROCESSING_GROUP)
public class AwardProjection {

    public static final String PROCESSING_GROUP = "awards";
    public static final String COLLECTION = "awards";

    /** The stored state of one award. */
    public static class State {
        public String districtId;
        public String awardId;
        public String educatorId;
        public String badgeId;
        public int badgeVersion;
        public String status;
        public AwardRoute route;
        public Evidence evidence;
        public Instant awardedAt;
        public Instant validFrom;
        public Instant validUntil;
        public Instant revokedAt;
        public String revocationReason;
        public String returnComment;
        public long version;
    }

    private final VersionedDocuments<State> awards;
    private final Duration reminder;
    private final Clock clock;

    public AwardProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard,
                           @Value("${dop.pd.renewal-reminder:30d}") Duration reminder) {
        MongoCollection<Document> collection = readSideDatabase.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("districtId"));
        collection.createIndex(Indexes.ascending("educatorId"));
        this.awards = new VersionedDocuments<>(collection, State.class);
        this.reminder = reminder;
        this.clock = Clock.systemUTC();
    }

    private static Supplier<State> initial(String districtId, String awardId, String educatorId, String badgeId,
                                           int badgeVersion) {
        return () -> {
            State s = new State();
            s.districtId = districtId;
            s.awardId = awardId;
            s.educatorId = educatorId;
            s.badgeId = badgeId;
            s.badgeVersion = badgeVersion;
            return s;
        };
    }

    @EventHandler
    void on(BadgeApplied e, @SequenceNumber long sequence) {
        awards.change(new AwardRef(e.districtId(), e.awardId()).toString(), sequence,
                initial(e.districtId(), e.awardId(), e.educatorId(), e.badgeId(), e.badgeVersion()), s -> {
                    s.status = "APPLIED";
                    s.badgeVersion = e.badgeVersion();
                    s.evidence = e.evidence();
                    s.returnComment = null;
                });
    }

    @EventHandler
    void on(BadgeAwarded e, @SequenceNumber long sequence) {
        awards.change(new AwardRef(e.districtId(), e.awardId()).toString(), sequence,
                initial(e.districtId(), e.awardId(), e.educatorId(), e.badgeId(), e.badgeVersion()), s -> {
                    s.status = "AWARDED";
                    s.badgeVersion = e.badgeVersion();
                    s.route = e.route();
                    s.evidence = e.evidence();
                    s.awardedAt = e.awardedAt();
                    s.validFrom = e.awardedAt();
                    s.validUntil = e.validUntil();
                    s.revokedAt = null;
                    s.revocationReason = null;
                });
    }

    @EventHandler
    void on(ApplicationReturned e, @SequenceNumber long sequence) {
        awards.change(new AwardRef(e.districtId(), e.awardId()).toString(), sequence, s -> {
            s.status = "RETURNED";
            s.returnComment = e.comment();
        });
    }

    @EventHandler
    void on(AwardRevoked e, @SequenceNumber long sequence) {
        awards.change(new AwardRef(e.districtId(), e.awardId()).toString(), sequence, s -> {
            s.status = "REVOKED";
            s.revokedAt = e.revokedAt();
            s.revocationReason = e.reason();
        });
    }

    @EventHandler
    void on(AwardRenewed e, @SequenceNumber long sequence) {
        awards.change(new AwardRef(e.districtId(), e.awardId()).toString(), sequence, s -> {
            s.validFrom = e.validFrom();
            s.validUntil = e.validUntil();
            if (e.evidence() != null) {
                s.evidence = e.evidence();
            }
        });
    }

    @QueryHandler
    public Optional<AwardView> handle(FindAward query) {
        return awards.find(new AwardRef(query.districtId(), query.awardId()).toString()).map(this::view);
    }

    @QueryHandler
    public List<AwardView> handle(FindAwards query) {
        List<State> states = query.educatorId() == null
                ? awards.find(Filters.eq("districtId", query.districtId()))
                : awards.find(Filters.eq("educatorId", query.educatorId()));
        return states.stream().filter(s -> s.districtId.equals(query.districtId())).map(this::view)
                .sorted(Comparator.comparing(AwardView::awardId)).toList();
    }

    /** Revoked awards of a district, for its status list. */
    public List<AwardView> revoked(String districtId) {
        return awards.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("status", "REVOKED")))
                .stream().map(this::view).toList();
    }

    private AwardView view(State s) {
        Instant now = clock.instant();
        boolean expired = s.validUntil != null && !now.isBefore(s.validUntil);
        boolean renewalDue = "AWARDED".equals(s.status) && s.validUntil != null && !expired
                && now.plus(reminder).isAfter(s.validUntil);
        return new AwardView(s.districtId, s.awardId, s.educatorId, s.badgeId, s.badgeVersion, s.status, s.route,
                s.evidence, s.awardedAt, s.validFrom, s.validUntil, expired, renewalDue, s.revokedAt,
                s.revocationReason, s.returnComment, s.version);
    }
}
