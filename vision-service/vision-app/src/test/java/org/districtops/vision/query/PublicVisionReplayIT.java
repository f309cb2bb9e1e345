package org.districtops.vision.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.districtops.vision.api.AdoptVision;
import org.districtops.vision.api.BoardVote;
import org.districtops.vision.api.CloseCommentPeriod;
import org.districtops.vision.api.CommentAuthorKind;
import org.districtops.vision.api.DraftVision;
import org.districtops.vision.api.FetchVisionDraft;
import org.districtops.vision.api.FindPublicVision;
import org.districtops.vision.api.FindPublicVisionDraft;
import org.districtops.vision.api.ModerateVisionComment;
import org.districtops.vision.api.ModerationDecision;
import org.districtops.vision.api.OpenCommentPeriod;
import org.districtops.vision.api.PublicVisionDraftView;
import org.districtops.vision.api.PublicVisionView;
import org.districtops.vision.api.ReviseVisionDraft;
import org.districtops.vision.api.SubmitVisionComment;
import org.districtops.vision.api.VisionDraftView;
import org.districtops.vision.api.VisionRef;
import org.districtops.vision.api.VisionVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vision read side is derived: replaying the event store into an empty projection gives exactly the same
 * views, and replaying events the projection has already applied (at-least-once delivery) changes nothing.
 */
@SpringBootTest
class PublicVisionReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "vision_adoption_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    PublicVisionProjection projection;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    private final VisionRef vision = new VisionRef(district);
    private final Actor superintendent = new Actor("sup-1", "superintendent", district);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /** The three views of one district, compared as a whole. */
    record Views(PublicVisionView publicVision, PublicVisionDraftView publicDraft, VisionDraftView draft) {
    }

    @Test
    void aFullRebuildAndADuplicateReplayBothConvergeToTheSameViews() throws Exception {
        List<String> outcomes = List.of("Learners own their learning");
        List<String> gaps = List.of("Math gap in middle grades");
        commands.send(new DraftVision(vision, "Vision one", outcomes, gaps, "Why", null), superintendent);
        commands.send(new OpenCommentPeriod(vision, today.plusDays(10), null), superintendent);
        for (int c = 0; c < 3; c++) {
            commands.send(new SubmitVisionComment(vision, "c" + c, CommentAuthorKind.values()[c], "Comment " + c, null),
                    superintendent);
        }
        commands.send(new ModerateVisionComment(vision, "c0", ModerationDecision.APPROVED, null, null), superintendent);
        commands.send(new ModerateVisionComment(vision, "c1", ModerationDecision.REJECTED, "Off-topic", null),
                superintendent);
        commands.send(new ModerateVisionComment(vision, "c2", ModerationDecision.APPROVED, null, null), superintendent);
        commands.send(new CloseCommentPeriod(vision, null), superintendent);
        commands.send(new ReviseVisionDraft(vision, "Vision one, revised", outcomes, gaps, "Why", "Input", null),
                superintendent);
        BoardVote vote = new BoardVote(today.minusDays(1), 4, 1, 0, "Item 3");
        commands.send(new AdoptVision(vision, vote, null, null), superintendent);
        commands.send(new DraftVision(vision, "Vision two", outcomes, gaps, "Why", null), superintendent);
        commands.send(new OpenCommentPeriod(vision, today.plusDays(10), null), superintendent);
        commands.send(new SubmitVisionComment(vision, "c3", CommentAuthorKind.PUBLIC, "Comment 3", null),
                superintendent);
        VisionVersion last = commands.send(
                new ModerateVisionComment(vision, "c3", ModerationDecision.APPROVED, null, null), superintendent);

        // every view has applied the last event (they are updated one after another, not at once)
        Views original = await(v -> v.draft() != null && v.draft().version() == last.version()
                && v.publicVision() != null && v.publicVision().version() == last.version()
                && v.publicDraft() != null && v.publicDraft().version() == last.version());
        assertThat(original.publicVision()).isNotNull();
        assertThat(original.publicDraft()).isNotNull();

        StreamingEventProcessor processor = processing
                .eventProcessor(PublicVisionProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        // duplicate delivery: replay everything into the populated projection
        ProjectionReplay.replay(processor, () -> { });
        assertThat(await(v -> ProjectionReplay.caughtUp(processor))).isEqualTo(original);

        // full rebuild: empty projection, replay from the first event
        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(PublicVisionProjection.COLLECTION).drop();
            assertThat(views()).isEqualTo(new Views(null, null, null));
        });
        assertThat(await(v -> v.equals(original) && ProjectionReplay.caughtUp(processor))).isEqualTo(original);
    }

    private Views views() {
        return new Views(projection.handle(new FindPublicVision(district)).orElse(null),
                projection.handle(new FindPublicVisionDraft(district)).orElse(null),
                projection.handle(new FetchVisionDraft(district)).orElse(null));
    }

    private Views await(Predicate<Views> done) throws InterruptedException {
        return ProjectionReplay.await(this::views, done);
    }
}
