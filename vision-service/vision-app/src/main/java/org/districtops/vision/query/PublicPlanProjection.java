package org.districtops.vision.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.FindPublicPlan;
import org.districtops.vision.api.FindPublicPlans;
import org.districtops.vision.api.PlanGoalAdded;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.PublicPlanView;
import org.districtops.vision.api.StrategicPlanCreated;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The public view of strategic plans, in MongoDB. Idempotent under at-least-once delivery: each document
 * remembers the sequence number of the last event applied, and an update only applies to an older version.
 */
@Component
@ProcessingGroup(PublicPlanProjection.PROCESSING_GROUP)
public class PublicPlanProjection {

    public static final String PROCESSING_GROUP = "public-plans";
    static final String COLLECTION = "public_plans";

    private final MongoCollection<Document> plans;

    /** Takes the guard so a stale read side is dropped before the index is made. */
    public PublicPlanProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.plans = readSideDatabase.getCollection(COLLECTION);
        plans.createIndex(Indexes.ascending("districtId"));
    }

    @EventHandler
    void on(StrategicPlanCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        plans.updateOne(Filters.eq("_id", id(event.districtId(), event.planId())),
                Updates.combine(
                        Updates.setOnInsert("districtId", event.districtId()),
                        Updates.setOnInsert("planId", event.planId()),
                        Updates.setOnInsert("title", event.title()),
                        Updates.setOnInsert("startYear", event.startYear()),
                        Updates.setOnInsert("endYear", event.endYear()),
                        Updates.setOnInsert("goals", List.of()),
                        Updates.setOnInsert("createdAt", Date.from(at)),
                        Updates.setOnInsert("updatedAt", Date.from(at)),
                        Updates.setOnInsert("version", sequence)),
                new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(PlanGoalAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document goal = new Document("goalId", event.goalId())
                .append("title", event.title())
                .append("description", event.description())
                .append("conditions", event.conditions().stream().map(Enum::name).toList());
        plans.updateOne(
                Filters.and(Filters.eq("_id", id(event.districtId(), event.planId())), Filters.lt("version", sequence)),
                Updates.combine(Updates.push("goals", goal), Updates.set("version", sequence),
                        Updates.set("updatedAt", Date.from(at))));
    }

    @QueryHandler
    public List<PublicPlanView> handle(FindPublicPlans query) {
        List<PublicPlanView> result = new ArrayList<>();
        plans.find(Filters.eq("districtId", query.districtId())).sort(Sorts.ascending("createdAt"))
                .forEach(d -> result.add(toView(d)));
        return result;
    }

    @QueryHandler
    public Optional<PublicPlanView> handle(FindPublicPlan query) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", id(query.districtId(), query.planId()))).first())
                .map(PublicPlanProjection::toView);
    }

    private static String id(String districtId, String planId) {
        return new PlanRef(districtId, planId).toString();
    }

    private static PublicPlanView toView(Document d) {
        List<PublicPlanView.Goal> goals = d.getList("goals", Document.class).stream()
                .map(g -> new PublicPlanView.Goal(g.getString("goalId"), g.getString("title"),
                        g.getString("description"),
                        g.getList("conditions", String.class).stream().map(DistrictCondition::valueOf).toList()))
                .toList();
        return new PublicPlanView(d.getString("planId"), d.getString("districtId"), d.getString("title"),
                d.getInteger("startYear"), d.getInteger("endYear"), goals,
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }
}
