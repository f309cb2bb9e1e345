package org.districtops.vision.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.vision.api.*;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read model of strategic plans, one MongoDB document per plan holding its goals, measures, milestones,
 * updates and public change log. Idempotent under at-least-once delivery: each document remembers the sequence
 * number of the last event applied, and a change is written only over an older version.
 *
 * <p>The frequent events (goals, measures, milestones added; progress and measure values recorded) append to one
 * array of the document with a single {@code $push} update, without reading it: a plan's document grows with its
 * history, and reading and replacing all of it per event made the projection's work quadratic over a plan's life.
 * The rare corrections (targets, baselines, due dates, health overrides) still read, change and replace it.
 * Both build their parts with the same methods that {@link #mutation} (and so {@link PlanHistory}) uses.
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
        Document plan = created(event, sequence, at);
        if (plans.find(Filters.eq("_id", plan.get("_id"))).first() == null) {
            plans.replaceOne(Filters.eq("_id", plan.get("_id")), plan, new ReplaceOptions().upsert(true));
        }
    }

    @EventHandler
    void on(PlanGoalAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        append(event.districtId(), event.planId(), sequence, at, "goals", goal(event), List.of());
    }

    @EventHandler
    void on(MeasureAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        append(event.districtId(), event.planId(), sequence, at, "goals.$[g].measures", measure(event),
                List.of(Filters.eq("g.goalId", event.goalId())));
    }

    @EventHandler
    void on(MilestoneAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        append(event.districtId(), event.planId(), sequence, at, "goals.$[g].milestones", milestone(event),
                List.of(Filters.eq("g.goalId", event.goalId())));
    }

    @EventHandler
    void on(MilestoneProgressRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        append(event.districtId(), event.planId(), sequence, at, "goals.$[g].milestones.$[m].updates", update(event),
                List.of(Filters.eq("g.milestones.milestoneId", event.milestoneId()),
                        Filters.eq("m.milestoneId", event.milestoneId())));
    }

    @EventHandler
    void on(MeasureValueRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        append(event.districtId(), event.planId(), sequence, at, "goals.$[g].measures.$[m].values", value(event),
                List.of(Filters.eq("g.measures.measureId", event.measureId()),
                        Filters.eq("m.measureId", event.measureId())));
    }

    @EventHandler
    void on(MeasureTargetChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.districtId(), event.planId(), sequence, at, mutation(event, at));
    }

    @EventHandler
    void on(MeasureBaselineChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.districtId(), event.planId(), sequence, at, mutation(event, at));
    }

    @EventHandler
    void on(MilestoneDueDateChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.districtId(), event.planId(), sequence, at, mutation(event, at));
    }

    @EventHandler
    void on(HealthOverridden event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.districtId(), event.planId(), sequence, at, mutation(event, at));
    }

    /** The plan document a new plan starts as. Shared with {@link PlanHistory}, which folds events the same way. */
    static Document created(StrategicPlanCreated event, long sequence, Instant at) {
        return new Document("_id", id(event.districtId(), event.planId()))
                .append("districtId", event.districtId())
                .append("planId", event.planId())
                .append("title", event.title())
                .append("startYear", event.startYear())
                .append("endYear", event.endYear())
                .append("goals", new ArrayList<Document>())
                .append("changes", new ArrayList<Document>())
                .append("createdAt", Date.from(at))
                .append("updatedAt", Date.from(at))
                .append("version", sequence);
    }

    /** What a later event of a plan does to its document, or null for events this view ignores. */
    static Consumer<Document> mutation(Object payload, Instant at) {
        if (payload instanceof PlanGoalAdded event) {
            return plan -> goals(plan).add(goal(event));
        }
        if (payload instanceof MeasureAdded event) {
            return plan -> list(find(goals(plan), "goalId", event.goalId()), "measures").add(measure(event));
        }
        if (payload instanceof MilestoneAdded event) {
            return plan -> list(find(goals(plan), "goalId", event.goalId()), "milestones").add(milestone(event));
        }
        if (payload instanceof MilestoneProgressRecorded event) {
            return plan -> list(milestone(plan, event.milestoneId()), "updates").add(update(event));
        }
        if (payload instanceof MeasureValueRecorded event) {
            return plan -> list(measure(plan, event.measureId()), "values").add(value(event));
        }
        if (payload instanceof MeasureTargetChanged event) {
            return plan -> {
                Document measure = measure(plan, event.measureId());
                List<Document> targets = list(measure, "targets");
                targets.removeIf(t -> t.getInteger("year") == event.year());
                targets.add(new Document("year", event.year()).append("value", event.value()));
                targets.sort((a, b) -> Integer.compare(a.getInteger("year"), b.getInteger("year")));
                logChange(plan, at, "TARGET", event.measureId(), measure.getString("name") + " (" + event.year() + ")",
                        event.previousValue() == null ? "" : format(event.previousValue()), format(event.value()),
                        event.reason());
            };
        }
        if (payload instanceof MeasureBaselineChanged event) {
            return plan -> {
                Document measure = measure(plan, event.measureId());
                measure.put("baselineValue", event.value());
                measure.put("baselineDate", event.date().toString());
                logChange(plan, at, "BASELINE", event.measureId(), measure.getString("name"),
                        format(event.previousValue()) + " on " + event.previousDate(),
                        format(event.value()) + " on " + event.date(), event.reason());
            };
        }
        if (payload instanceof MilestoneDueDateChanged event) {
            return plan -> {
                Document milestone = milestone(plan, event.milestoneId());
                milestone.put("due", event.due().toString());
                logChange(plan, at, "DUE_DATE", event.milestoneId(), milestone.getString("title"),
                        event.previousDue().toString(), event.due().toString(), event.reason());
            };
        }
        if (payload instanceof HealthOverridden event) {
            return plan -> {
                Document item = item(plan, event.itemId());
                String before = item.get("override") == null ? "computed" : item.get("override", Document.class).getString("health");
                if (event.health() == null) {
                    item.remove("override");
                } else {
                    item.put("override", new Document("health", event.health().name()).append("reason", event.reason()));
                }
                logChange(plan, at, "HEALTH_OVERRIDE", event.itemId(),
                        item.getString(item.containsKey("name") ? "name" : "title"), before,
                        event.health() == null ? "computed" : event.health().name(), event.reason());
            };
        }
        return null;
    }

    private static Document goal(PlanGoalAdded event) {
        return new Document("goalId", event.goalId())
                .append("title", event.title())
                .append("description", event.description())
                .append("conditions", event.conditions().stream().map(Enum::name).toList())
                .append("measures", new ArrayList<Document>())
                .append("milestones", new ArrayList<Document>());
    }

    private static Document measure(MeasureAdded event) {
        return new Document("measureId", event.measureId())
                .append("name", event.name())
                .append("unit", event.unit())
                .append("direction", event.direction().name())
                .append("baselineValue", event.baselineValue())
                .append("baselineDate", event.baselineDate().toString())
                .append("targets", new ArrayList<>(event.targets().stream()
                        .map(t -> new Document("year", t.year()).append("value", t.value())).toList()))
                .append("values", new ArrayList<Document>());
    }

    private static Document milestone(MilestoneAdded event) {
        return new Document("milestoneId", event.milestoneId())
                .append("title", event.title())
                .append("ownerId", event.owner().id())
                .append("ownerName", event.owner().name())
                .append("collaborators", event.collaborators())
                .append("start", event.start().toString())
                .append("due", event.due().toString())
                .append("weight", event.weight())
                .append("updateCadenceDays", event.updateCadenceDays())
                .append("updates", new ArrayList<Document>());
    }

    private static Document update(MilestoneProgressRecorded event) {
        return new Document("asOf", event.asOf().toString())
                .append("percentComplete", event.percentComplete())
                .append("status", event.status().name())
                .append("narrative", event.narrative());
    }

    private static Document value(MeasureValueRecorded event) {
        return new Document("asOf", event.asOf().toString())
                .append("value", event.value())
                .append("narrative", event.narrative());
    }

    @QueryHandler
    public List<PublicPlanView> handle(FindPublicPlans query) {
        List<PublicPlanView> result = new ArrayList<>();
        plans.find(Filters.eq("districtId", query.districtId())).sort(Sorts.ascending("createdAt"))
                .forEach(d -> result.add(PlanDocuments.toView(d)));
        return result;
    }

    @QueryHandler
    public Optional<PublicPlanView> handle(FindPublicPlan query) {
        return document(query.districtId(), query.planId()).map(PlanDocuments::toView);
    }

    @QueryHandler
    public Optional<PlanDashboard> handle(FetchPlanDashboard query) {
        return document(query.districtId(), query.planId()).map(d -> PlanDashboards.asOf(d, query.asOf()));
    }

    @QueryHandler
    public Optional<PlanAttention> handle(FetchPlanAttention query) {
        return document(query.districtId(), query.planId()).map(d -> PlanAttentions.asOf(d, query.asOf()));
    }

    @QueryHandler
    public List<GoalSummary> handle(FindDistrictGoals query) {
        List<GoalSummary> goals = new ArrayList<>();
        plans.find(Filters.eq("districtId", query.districtId())).sort(Sorts.ascending("createdAt"))
                .forEach(plan -> list(plan, "goals").forEach(g -> goals.add(new GoalSummary(g.getString("goalId"),
                        plan.getString("planId"), plan.getString("title"), g.getString("title"),
                        PlanDocuments.conditions(g)))));
        return goals;
    }

    Optional<Document> document(String districtId, String planId) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", id(districtId, planId))).first());
    }

    /** Read, change, write back only over an older version: replays and redeliveries change nothing. */
    private void change(String districtId, String planId, long sequence, Instant at, Consumer<Document> mutation) {
        String id = id(districtId, planId);
        Document plan = plans.find(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence))).first();
        if (plan == null) {
            return; // already applied
        }
        mutation.accept(plan);
        plan.put("version", sequence);
        plan.put("updatedAt", Date.from(at));
        plans.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence)), plan);
    }

    /**
     * Appends {@code element} to the array at {@code path} (its {@code $[name]} placeholders chosen by
     * {@code arrayFilters}) in one update, only over an older version: replays and redeliveries change nothing.
     */
    private void append(String districtId, String planId, long sequence, Instant at, String path, Document element,
                        List<Bson> arrayFilters) {
        UpdateOptions options = new UpdateOptions();
        if (!arrayFilters.isEmpty()) {
            options.arrayFilters(arrayFilters);
        }
        plans.updateOne(Filters.and(Filters.eq("_id", id(districtId, planId)), Filters.lt("version", sequence)),
                Updates.combine(Updates.push(path, element), Updates.set("version", sequence),
                        Updates.set("updatedAt", Date.from(at))), options);
    }

    private static void logChange(Document plan, Instant at, String kind, String itemId, String itemName, String from,
                                  String to, String reason) {
        list(plan, "changes").add(new Document("at", Date.from(at)).append("kind", kind).append("itemId", itemId)
                .append("itemName", itemName).append("from", from).append("to", to).append("reason", reason));
    }

    private static List<Document> goals(Document plan) {
        return list(plan, "goals");
    }

    private static Document measure(Document plan, String measureId) {
        return goals(plan).stream().flatMap(g -> list(g, "measures").stream())
                .filter(m -> measureId.equals(m.getString("measureId"))).findFirst().orElseThrow();
    }

    private static Document milestone(Document plan, String milestoneId) {
        return goals(plan).stream().flatMap(g -> list(g, "milestones").stream())
                .filter(m -> milestoneId.equals(m.getString("milestoneId"))).findFirst().orElseThrow();
    }

    private static Document item(Document plan, String itemId) {
        return goals(plan).stream()
                .flatMap(g -> java.util.stream.Stream.concat(list(g, "measures").stream(), list(g, "milestones").stream()))
                .filter(i -> itemId.equals(i.getString("measureId")) || itemId.equals(i.getString("milestoneId")))
                .findFirst().orElseThrow();
    }

    private static Document find(List<Document> documents, String key, String value) {
        return documents.stream().filter(d -> value.equals(d.getString(key))).findFirst().orElseThrow();
    }

    static List<Document> list(Document document, String key) {
        List<Document> list = document.getList(key, Document.class);
        if (list == null) {
            list = new ArrayList<>();
            document.put(key, list);
        }
        return list;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static String id(String districtId, String planId) {
        return new PlanRef(districtId, planId).toString();
    }
}
