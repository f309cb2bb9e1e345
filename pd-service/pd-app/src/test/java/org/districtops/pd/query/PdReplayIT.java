package org.districtops.pd.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.pd.command.AwardIds;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pd read model is derived: a duplicate replay and a full rebuild both converge to the same views. */
@SpringBootTest(properties = "dop.vision.uri=http://127.0.0.1:9")
class PdReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "pd_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    BadgeProjection badges;
    @Autowired
    AwardProjection awards;
    @Autowired
    EducatorProjection educators;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    private final Actor staff = new Actor("pdstaff", "pd-staff", district);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));

    @BeforeEach
    void history() {
        BadgeTerms terms = new BadgeTerms("PL 101", "d", "c", null, List.of(), List.of(), 4, 365, false, List.of());
        commands.send(new DefineBadge(new BadgeRef(district, "b1"), terms, AlignmentStatus.UNVERIFIED), staff);
        commands.send(new ReviseBadge(new BadgeRef(district, "b1"), terms, AlignmentStatus.VERIFIED), staff);
        for (String e : List.of("e1", "e2")) {
            commands.send(new RegisterEducator(new EducatorRef(district, e), "src-" + e, List.of("s1")), staff);
            commands.send(new AwardBadge(new AwardRef(district, AwardIds.of(e, "b1")), e,
                    new BadgeVersionTerms("b1", 2, false, 365, false), null, at, AwardRoute.STAFF), staff);
        }
        commands.send(new RegisterEducator(new EducatorRef(district, "e1"), "src-e1", List.of("s2")), staff);
        commands.send(new SetPortfolioVisibility(new EducatorRef(district, "e1"), true), staff);
        commands.send(new EraseEducator(new EducatorRef(district, "e2")), staff);
        commands.send(new RevokeAward(new AwardRef(district, AwardIds.of("e2", "b1")), "error", at), staff);
        commands.send(new RenewAward(new AwardRef(district, AwardIds.of("e1", "b1")), null, at.plusSeconds(60)), staff);
    }

    @Test
    void badgeCatalog() throws Exception {
        check(BadgeProjection.PROCESSING_GROUP, BadgeProjection.COLLECTION,
                () -> badges.handle(new FindCatalog(district)), v -> v.size() == 1 && v.get(0).currentVersion() == 2);
    }

    @Test
    void awards() throws Exception {
        check(AwardProjection.PROCESSING_GROUP, AwardProjection.COLLECTION,
                () -> awards.handle(new FindAwards(district, null)),
                v -> v.size() == 2 && v.stream().anyMatch(a -> "REVOKED".equals(a.status()))
                        && v.stream().anyMatch(a -> a.validFrom().equals(at.plusSeconds(60))));
    }

    @Test
    void educators() throws Exception {
        check(EducatorProjection.PROCESSING_GROUP, EducatorProjection.COLLECTION,
                () -> educators.district(district).stream()
                        .map(s -> s.educatorId + s.schoolIds + s.portfolioPublic + s.erased + s.version).sorted().toList(),
                v -> v.size() == 2 && v.contains("e1[s2]truefalse2") && v.contains("e2[s1]falsetrue1"));
    }

    private <T> void check(String group, String collection, Supplier<T> views, java.util.function.Predicate<T> complete)
            throws Exception {
        T original = ProjectionReplay.await(views, complete);
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
        ProjectionReplay.replay(processor, () -> { });
        assertThat(ProjectionReplay.await(views, v -> ProjectionReplay.caughtUp(processor))).isEqualTo(original);
        ProjectionReplay.replay(processor, () -> readSideDatabase.getCollection(collection).drop());
        assertThat(ProjectionReplay.await(views, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);
    }
}
