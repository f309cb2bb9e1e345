package org.districtops.vision.query;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.*;
import org.districtops.vision.command.StrategicPlan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan with a long history, through the real event store and read store: it is loaded from a snapshot with the
 * same state a full replay gives (so every rule still sees the same plan), and its public document, written by
 * partial updates, equals the fold of its events and survives duplicate delivery and a rebuild unchanged.
 */
@SpringBootTest(properties = "dop.snapshots.threshold=30")
class PlanWithLongHistoryIT {

    private static final int UPDATES = 40;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_long_history_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PublicPlanProjection projection;
    @Autowired
    PlanHistory history;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;
    @Autowired
    TokenStore tokenStore;

    private final String district = "long-" + UUID.randomUUID().toString().substring(0, 8);
    private final PlanRef plan = new PlanRef(district, "plan-1");
    private final Actor superintendent = new Actor("sup-1", "superintendent", district);
    private final Actor owner = new Actor("owner-1", "planner", district);
    private final Actor otherOwner = new Actor("owner-2", "planner", district);

    @Test
    void aPlanLoadedFromItsSnapshotKeepsEveryRule() throws Exception {
        givenAPlanWithALongHistory();

        // then: a snapshot was taken, and loading the plan starts from it (not from its first event)
        Integer snapshots = jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?"
                + " and payload_type = ? and payload_revision = '1'", Integer.class, plan.toString(),
                StrategicPlan.class.getName());
        assertThat(snapshots).isEqualTo(1);
        DomainEventMessage<?> first = eventStore.readEvents(plan.toString()).next();
        assertThat(first.getPayload()).isInstanceOf(StrategicPlan.class);
        assertThat(first.getSequenceNumber()).as("taken at the 30th event or later").isGreaterThanOrEqualTo(29);
        // the snapshot holds exactly the state that replaying the events up to it gives
        assertThat(state(first.getPayload())).isEqualTo(state(replayed(first.getSequenceNumber())));

        // and the rules, which depend on that state, behave as before
        assertThatThrownBy(() -> commands.send(progress("ms-1", 10), otherOwner))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(ForbiddenException.class));
        assertThatThrownBy(() -> commands.send(new AddMilestone(plan, "g-2", "ms-1", "Again", new Owner("owner-2", "B"),
                List.of(), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 1), 5, 30, null), superintendent))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(StateConflictException.class));
        assertThatThrownBy(() -> commands.send(new AddPlanGoal(plan, new GoalDraft("g-3", " GOAL one ", null, List.of()),
                null), superintendent)).satisfies(e -> assertThat(root(e)).isInstanceOf(StateConflictException.class));
        assertThatThrownBy(() -> commands.send(new ChangeMilestoneDueDate(plan, "ms-1", LocalDate.of(2025, 8, 1),
                "earlier", null), superintendent))
                .satisfies(e -> assertThat(root(e)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("2025-09-01"));
        assertThatThrownBy(() -> commands.send(new ChangeMeasureTarget(plan, "m-1", 2030, 1, "later", null),
                superintendent)).satisfies(e -> assertThat(root(e)).isInstanceOf(InvalidInputException.class));
        assertThatThrownBy(() -> commands.send(new RecordMeasureValue(plan, "m-9", LocalDate.of(2026, 1, 1), 1, null,
                null), superintendent)).satisfies(e -> assertThat(root(e)).isInstanceOf(NotFoundException.class));

        long version = commands.send(new ChangeMeasureTarget(plan, "m-1", 2026, 77, "again", null), superintendent);
        commands.send(new ChangeMeasureBaseline(plan, "m-1", 12, LocalDate.of(2025, 7, 1), "again", null),
                superintendent);
        List<Object> last = lastPayloads(2);
        assertThat(((MeasureTargetChanged) last.get(0)).previousValue()).isEqualTo(66.0);
        assertThat(((MeasureBaselineChanged) last.get(1)).previousValue()).isEqualTo(11.0);
        assertThat(((MeasureBaselineChanged) last.get(1)).previousDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(version).isEqualTo(jdbc.queryForObject("select max(sequence_number) from domain_event_entry"
                + " where aggregate_identifier = ?", Long.class, plan.toString()) - 1);
    }

    @Test
    void thePublicDocumentEqualsTheFoldOfItsEventsAndSurvivesDuplicatesAndARebuild() throws Exception {
        givenAPlanWithALongHistory();
        long head = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, plan.toString());
        StreamingEventProcessor processor = processing
                .eventProcessor(PublicPlanProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        PublicPlanView view = await(v -> v.isPresent() && v.get().version() == head && everySegmentCaughtUp(processor)).orElseThrow();
        PublicPlanView folded = PlanDocuments.toView(history.plan(district, "plan-1", Instant.now().plusSeconds(1))
                .orElseThrow());
        assertThat(view).isEqualTo(folded);
        assertThat(view.goals().get(0).milestones().get(0).updates()).hasSize(UPDATES);
        assertThat(view.goals().get(0).measures().get(0).values()).hasSize(10);
        assertThat(view.changes()).hasSize(4);

        // duplicate delivery of every event: nothing changes
        ProjectionReplay.replay(processor, () -> { });
        assertThat(await(v -> everySegmentCaughtUp(processor))).contains(view);

        // full rebuild from the first event
        ProjectionReplay.replay(processor, () -> readSideDatabase.getCollection(PublicPlanProjection.COLLECTION).drop());
        assertThat(await(v -> v.isPresent() && v.get().version() == head && everySegmentCaughtUp(processor)))
                .contains(view);
    }

    /** Caught up on every segment: stopping while a segment is still being claimed again would race the claim. */
    private boolean everySegmentCaughtUp(StreamingEventProcessor processor) {
        return ProjectionReplay.caughtUp(processor)
                && processor.processingStatus().size() == tokenStore.fetchSegments(processor.getName()).length;
    }

    /** Two goals, a measure and two milestones, 40 progress updates, 10 measure values and 4 public corrections. */
    private void givenAPlanWithALongHistory() {
        commands.send(new CreateStrategicPlan(plan, "Long plan", 2025, 2027,
                new GoalDraft("g-1", "Goal one", "first", List.of(DistrictCondition.CURRICULUM))), superintendent);
        commands.send(new AddPlanGoal(plan, new GoalDraft("g-2", "Goal two", null, List.of()), null), superintendent);
        commands.send(new AddMeasure(plan, "g-1", "m-1", "Reading", "%", Direction.UP, 10, LocalDate.of(2025, 6, 1),
                List.of(new YearTarget(2025, 20), new YearTarget(2026, 30)), null), superintendent);
        commands.send(new AddMilestone(plan, "g-1", "ms-1", "Adopt curriculum", new Owner("owner-1", "Owner One"),
                List.of("Helper"), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 1), 10, 30, null), superintendent);
        commands.send(new AddMilestone(plan, "g-2", "ms-2", "Train staff", new Owner("owner-2", "Owner Two"),
                List.of(), LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 1), 5, 30, null), superintendent);
        for (int i = 1; i <= UPDATES; i++) {
            commands.send(progress("ms-1", i), owner);
        }
        for (int i = 0; i < 10; i++) {
            commands.send(new RecordMeasureValue(plan, "m-1", LocalDate.of(2025, 10, 1).plusDays(i), 10 + i,
                    "value " + i, null), superintendent);
        }
        commands.send(new ChangeMeasureTarget(plan, "m-1", 2026, 66, "state target changed", null), superintendent);
        commands.send(new ChangeMeasureBaseline(plan, "m-1", 11, LocalDate.of(2025, 6, 1), "corrected", null),
                superintendent);
        commands.send(new ChangeMilestoneDueDate(plan, "ms-1", LocalDate.of(2026, 8, 1), "summer", null),
                superintendent);
        commands.send(new OverrideHealth(plan, "ms-2", Health.AT_RISK, "staffing", null), superintendent);
    }

    private RecordMilestoneProgress progress(String milestoneId, int percent) {
        return new RecordMilestoneProgress(plan, milestoneId, LocalDate.of(2025, 9, 1).plusDays(percent), percent,
                null, "update " + percent, null);
    }

    /** The plan as a full replay of its events up to {@code sequence} builds it, without any snapshot. */
    private StrategicPlan replayed(long sequence) throws Exception {
        Constructor<StrategicPlan> constructor = StrategicPlan.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        StrategicPlan aggregate = constructor.newInstance();
        AggregateModel<StrategicPlan> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(StrategicPlan.class);
        DomainEventStream events = eventStore.readEvents(plan.toString(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() > sequence) {
                break;
            }
            model.publish(event, aggregate);
        }
        return aggregate;
    }

    /** Every field of the aggregate, as a tree (the aggregate has no getters). */
    private static JsonNode state(Object aggregate) {
        ObjectMapper fields = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        JsonNode tree = fields.valueToTree(aggregate);
        assertThat(tree.size()).as("fields of %s", aggregate).isGreaterThan(5);
        return tree;
    }

    private List<Object> lastPayloads(int count) {
        List<Object> payloads = new java.util.ArrayList<>();
        eventStore.readEvents(plan.toString(), 0).asStream().forEach(e -> payloads.add(e.getPayload()));
        return payloads.subList(payloads.size() - count, payloads.size());
    }

    private Optional<PublicPlanView> await(java.util.function.Predicate<Optional<PublicPlanView>> done)
            throws InterruptedException {
        return ProjectionReplay.await(() -> projection.handle(new FindPublicPlan(district, "plan-1")), done);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
