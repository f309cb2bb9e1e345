package org.districtops.vision.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.FindReadinessHistory;
import org.districtops.vision.api.ReadinessAssessmentCompleted;
import org.districtops.vision.api.ReadinessHistory;
import org.districtops.vision.api.ReadinessRated;
import org.districtops.vision.api.ReadinessRef;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static org.districtops.vision.query.PublicPlanProjection.list;

/**
 * Readiness self-assessments, one document per district and year. Idempotent: a document remembers the
 * sequence number of the last event applied. The public history shows completed years only.
 */
@Component
@ProcessingGroup("readiness")
public class ReadinessProjection {

    static final String COLLECTION = "readiness";

    private final MongoCollection<Document> assessments;

    public ReadinessProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.assessments = readSideDatabase.getCollection(COLLECTION);
        assessments.createIndex(Indexes.ascending("districtId"));
    }

    @EventHandler
    void on(ReadinessRated event, @SequenceNumber long sequence) {
        String id = new ReadinessRef(event.districtId(), event.year()).toString();
        Document doc = assessments.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            doc = new Document("_id", id).append("districtId", event.districtId()).append("year", event.year())
                    .append("completed", false).append("ratings", new ArrayList<Document>()).append("version", -1L);
        }
        if (((Number) doc.get("version")).longValue() >= sequence) {
            return; // already applied
        }
        List<Document> ratings = list(doc, "ratings");
        ratings.removeIf(r -> event.condition().name().equals(r.getString("condition")));
        ratings.add(new Document("condition", event.condition().name()).append("rating", event.rating())
                .append("evidence", event.evidence()));
        doc.put("version", sequence);
        assessments.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ReadinessAssessmentCompleted event, @SequenceNumber long sequence) {
        assessments.updateOne(Filters.and(Filters.eq("_id", new ReadinessRef(event.districtId(), event.year()).toString()),
                        Filters.lt("version", sequence)),
                new Document("$set", new Document("completed", true).append("version", sequence)));
    }

    @QueryHandler
    public ReadinessHistory handle(FindReadinessHistory query) {
        List<Document> years = new ArrayList<>();
        assessments.find(Filters.eq("districtId", query.districtId())).forEach(d -> {
            if (d.getBoolean("completed", false)) {
                years.add(d);
            }
        });
        years.sort((a, b) -> Integer.compare(a.getInteger("year"), b.getInteger("year")));
        List<ReadinessHistory.Condition> conditions = new ArrayList<>();
        for (DistrictCondition condition : DistrictCondition.values()) {
            List<ReadinessHistory.YearRating> ratings = new ArrayList<>();
            for (Document year : years) {
                list(year, "ratings").stream().filter(r -> condition.name().equals(r.getString("condition")))
                        .findFirst().ifPresent(r -> ratings.add(new ReadinessHistory.YearRating(year.getInteger("year"),
                                r.getInteger("rating"), r.getString("evidence"))));
            }
            Integer latest = ratings.isEmpty() ? null : ratings.get(ratings.size() - 1).rating();
            Integer movement = ratings.size() < 2 ? null : latest - ratings.get(ratings.size() - 2).rating();
            conditions.add(new ReadinessHistory.Condition(condition, ratings, latest, movement));
        }
        return new ReadinessHistory(query.districtId(), years.stream().map(d -> d.getInteger("year")).toList(),
                conditions);
    }
}
