package org.districtops.pd.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.pd.api.*;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Educators and schools as pd-service knows them (the roster): opaque id, schools, portfolio visibility and the hash of the share
 * link. No names or emails: those are resolved from the personal-data store when a page is shown.
 */
@Component
@ProcessingGroup(EducatorProjection.PROCESSING_GROUP)
public class EducatorProjection {

    public static final String PROCESSING_GROUP = "educators";
    public static final String COLLECTION = "educators";
    public static final String SCHOOLS = "schools";

    /** The stored state of one educator. */
    public static class State {
        public String districtId;
        public String educatorId;
        public String sourcedId;
        public List<String> schoolIds = new ArrayList<>();
        public boolean portfolioPublic;
        public String shareTokenHash;
        public boolean erased;
        public long version;
    }

    /** The stored state of one school. */
    public static class SchoolState {
        public String districtId;
        public String schoolId;
        public String name;
        public String identifier;
        public long version;
    }

    private final VersionedDocuments<State> educators;
    private final VersionedDocuments<SchoolState> schools;

    public EducatorProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        MongoCollection<Document> collection = readSideDatabase.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("districtId"));
        collection.createIndex(Indexes.ascending("shareTokenHash"));
        this.educators = new VersionedDocuments<>(collection, State.class);
        MongoCollection<Document> schoolCollection = readSideDatabase.getCollection(SCHOOLS);
        schoolCollection.createIndex(Indexes.ascending("districtId"));
        this.schools = new VersionedDocuments<>(schoolCollection, SchoolState.class);
    }

    @EventHandler
    void on(SchoolRegistered e, @SequenceNumber long sequence) {
        schools.create(new SchoolRef(e.districtId(), e.schoolId()).toString(), sequence, () -> {
            SchoolState s = new SchoolState();
            s.districtId = e.districtId();
            s.schoolId = e.schoolId();
            s.name = e.name();
            s.identifier = e.identifier();
            return s;
        });
    }

    @EventHandler
    void on(SchoolUpdated e, @SequenceNumber long sequence) {
        schools.change(new SchoolRef(e.districtId(), e.schoolId()).toString(), sequence, s -> {
            s.name = e.name();
            s.identifier = e.identifier();
        });
    }

    public List<SchoolState> schools(String districtId) {
        return schools.find(Filters.eq("districtId", districtId));
    }

    private static String id(String districtId, String educatorId) {
        return new EducatorRef(districtId, educatorId).toString();
    }

    @EventHandler
    void on(EducatorRegistered e, @SequenceNumber long sequence) {
        educators.create(id(e.districtId(), e.educatorId()), sequence, () -> {
            State s = new State();
            s.districtId = e.districtId();
            s.educatorId = e.educatorId();
            s.sourcedId = e.sourcedId();
            s.schoolIds = new ArrayList<>(e.schoolIds());
            return s;
        });
    }

    @EventHandler
    void on(EducatorSchoolsChanged e, @SequenceNumber long sequence) {
        educators.change(id(e.districtId(), e.educatorId()), sequence, s -> s.schoolIds = new ArrayList<>(e.schoolIds()));
    }

    @EventHandler
    void on(EducatorErased e, @SequenceNumber long sequence) {
        educators.change(id(e.districtId(), e.educatorId()), sequence, s -> {
            s.erased = true;
            s.portfolioPublic = false;
            s.shareTokenHash = null;
        });
    }

    @EventHandler
    void on(PortfolioVisibilitySet e, @SequenceNumber long sequence) {
        educators.change(id(e.districtId(), e.educatorId()), sequence, s -> s.portfolioPublic = e.isPublic());
    }

    @EventHandler
    void on(ShareLinkCreated e, @SequenceNumber long sequence) {
        educators.change(id(e.districtId(), e.educatorId()), sequence, s -> s.shareTokenHash = e.tokenHash());
    }

    @EventHandler
    void on(ShareLinkRevoked e, @SequenceNumber long sequence) {
        educators.change(id(e.districtId(), e.educatorId()), sequence, s -> s.shareTokenHash = null);
    }

    public Optional<State> find(String districtId, String educatorId) {
        return educators.find(id(districtId, educatorId));
    }

    public List<State> district(String districtId) {
        return educators.find(Filters.eq("districtId", districtId));
    }

    public Optional<State> byShareToken(String tokenHash) {
        return educators.find(Filters.eq("shareTokenHash", tokenHash)).stream().findFirst();
    }
}
