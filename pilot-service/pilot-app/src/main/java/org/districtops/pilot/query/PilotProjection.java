package org.districtops.pilot.query;

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
import org.districtops.pilot.api.*;
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
 * The pilots read model: one document per pilot. Idempotent under at-least-once delivery: a document remembers
 * the sequence number of the last event applied and is written only over an older version.
 */
@Component
@ProcessingGroup(PilotProjection.PROCESSING_GROUP)
public class PilotProjection {

    public static final String PROCESSING_GROUP = "pilots";
    static final String COLLECTION = "pilots";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MongoCollection<Document> pilots;
    private final MongoCollection<Document> sharing;

    public PilotProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.pilots = readSideDatabase.getCollection(COLLECTION);
        pilots.createIndex(Indexes.ascending("districtId"));
        pilots.createIndex(Indexes.ascending("alignment"));
        this.sharing = readSideDatabase.getCollection("model_sharing");
        sharing.createIndex(Indexes.ascending("shared"));
    }

    @EventHandler
    void on(PilotProposed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = new PilotRef(e.districtId(), e.pilotId()).toString();
        if (pilots.find(Filters.eq("_id", id)).first() != null) {
            return;
        }
        PilotState s = new PilotState();
        s.id = id;
        s.districtId = e.districtId();
        s.pilotId = e.pilotId();
        s.title = e.title();
        s.gap = e.gap();
        s.students = e.students();
        s.modelType = e.modelType();
        s.modelName = e.modelName();
        s.schoolLevel = e.schoolLevel();
        s.schools = new ArrayList<>(e.schools());
        s.classrooms = e.classrooms();
        s.cohortSize = e.cohortSize();
        s.start = e.start();
        s.end = e.end();
        s.wave = e.wave();
        s.modelKey = e.modelKey();
        s.status = "PROPOSED";
        s.alignment = e.alignment();
        s.goalIds = new ArrayList<>(e.goalIds());
        s.proposedAt = at;
        s.version = sequence;
        pilots.replaceOne(Filters.eq("_id", id), toDocument(s), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(PilotAlignmentChecked e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            s.alignment = e.alignment();
            s.unknownGoalIds = new ArrayList<>(e.unknownGoalIds());
        });
    }

    @EventHandler
    void on(CriteriaPreRegistered e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            s.preRegistered = e.criteria();
            s.criteria = e.criteria();
        });
    }

    @EventHandler
    void on(CriteriaAmended e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            PilotState.Amendment a = new PilotState.Amendment();
            a.at = at;
            a.previous = e.previous();
            a.criteria = e.criteria();
            a.reason = e.reason();
            s.amendments.add(a);
            s.criteria = e.criteria();
        });
    }

    @EventHandler
    void on(PilotLaunched e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            s.status = "LAUNCHED";
            s.launchedOn = e.launchedOn();
        });
    }

    @EventHandler
    void on(CycleStarted e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            PilotState.Cycle c = new PilotState.Cycle();
            c.cycleId = e.cycleId();
            c.number = e.number();
            c.plan = e.plan();
            c.measureBy = e.measureBy();
            s.cycles.add(c);
        });
    }

    @EventHandler
    void on(MeasurementRecorded e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            PilotState.Measurement m = new PilotState.Measurement();
            m.metricId = e.metricId();
            m.group = e.group();
            m.unit = e.unit();
            m.value = e.value();
            m.students = e.students();
            s.cycle(e.cycleId()).measurements.add(m);
        });
    }

    @EventHandler
    void on(CycleCompleted e, @SequenceNumber long sequence) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            PilotState.Cycle c = s.cycle(e.cycleId());
            c.completed = true;
            c.observed = e.observed();
            c.nextChanges = e.nextChanges();
        });
    }

    @EventHandler
    void on(PilotDecided e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.districtId(), e.pilotId(), sequence, s -> {
            PilotState.DecisionEntry d = new PilotState.DecisionEntry();
            d.at = at;
            d.decision = e.decision();
            d.rationale = e.rationale();
            d.evidenceTier = e.evidenceTier();
            d.completedCycles = s.cycles.stream().filter(c -> c.completed).count();
            s.decisions.add(d);
            if (e.decision() == Decision.SCALE) {
                s.status = "SCALED";
            } else if (e.decision() == Decision.STOP) {
                s.status = "STOPPED";
            }
        });
    }

    @EventHandler
    void on(ProvenModelSharingSet e, @SequenceNumber long sequence) {
        // the whole document is written each time, so a redelivered older event must not win
        Document current = sharing.find(Filters.eq("_id", e.districtId())).first();
        if (current == null || ((Number) current.get("version")).longValue() < sequence) {
            sharing.replaceOne(Filters.eq("_id", e.districtId()), new Document("_id", e.districtId())
                    .append("shared", e.shared()).append("version", sequence), new ReplaceOptions().upsert(true));
        }
    }

    @QueryHandler
    public List<ProvenModel> handle(FindSharedProvenModels query) {
        List<ProvenModel> models = new ArrayList<>();
        sharing.find(Filters.eq("shared", true))
                .forEach(d -> models.addAll(PilotViews.provenModels(districtPilots(d.getString("_id")))));
        return models;
    }

    @QueryHandler
    public Optional<PilotView> handle(FindPilot query) {
        return state(query.districtId(), query.pilotId()).map(PilotViews::publicView);
    }

    @QueryHandler
    public List<PilotBoardEntry> handle(FindPilotBoard query) {
        return districtPilots(query.districtId()).stream()
                .sorted(Comparator.comparing((PilotState s) -> s.proposedAt).reversed())
                .map(PilotViews::boardEntry).toList();
    }

    @QueryHandler
    public List<ProvenModel> handle(FindProvenModels query) {
        return PilotViews.provenModels(districtPilots(query.districtId()));
    }

    @QueryHandler
    public List<PilotRef> handle(FindPilotsAwaitingAlignment query) {
        List<PilotRef> refs = new ArrayList<>();
        pilots.find(Filters.eq("alignment", AlignmentStatus.UNVERIFIED.name()))
                .forEach(d -> refs.add(new PilotRef(d.getString("districtId"), d.getString("pilotId"))));
        return refs;
    }

    /** Internal: the stored state, for the web layer's evaluation and wave checks. */
    public Optional<PilotState> state(String districtId, String pilotId) {
        return Optional.ofNullable(pilots.find(Filters.eq("_id", new PilotRef(districtId, pilotId).toString())).first())
                .map(PilotProjection::fromDocument);
    }

    private List<PilotState> districtPilots(String districtId) {
        List<PilotState> states = new ArrayList<>();
        pilots.find(Filters.eq("districtId", districtId)).forEach(d -> states.add(fromDocument(d)));
        return states;
    }

    private void change(String districtId, String pilotId, long sequence, Consumer<PilotState> mutation) {
        String id = new PilotRef(districtId, pilotId).toString();
        Document doc = pilots.find(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence))).first();
        if (doc == null) {
            return; // already applied
        }
        PilotState state = fromDocument(doc);
        mutation.accept(state);
        state.version = sequence;
        pilots.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)), toDocument(state));
    }

    private static Document toDocument(PilotState state) {
        Document doc = Document.parse(JSON.writeValueAsString(state));
        doc.put("_id", state.id);
        return doc;
    }

    private static PilotState fromDocument(Document doc) {
        return JSON.readValue(doc.toJson(), PilotState.class);
    }
}
