package org.districtops.partnership.query;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.partnership.api.*;
import org.districtops.testsupport.ProjectionReplay;
import org.districtops.testsupport.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both read models are derived: for each, a duplicate replay and a full rebuild converge to the same views. */
@SpringBootTest
class PartnershipReplayIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, "partnership_replay_it");
    }

    @Autowired
    CommandSender commands;
    @Autowired
    PartnerProjection partners;
    @Autowired
    ListingProjection listings;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MongoDatabase readSideDatabase;

    private final String district = "replay-" + UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    record PartnerViews(List<PartnerView> partners, Optional<PartnerView> acme, List<ExpiringCommitment> expiring) {
    }

    record ListingViews(List<Opportunity> board, List<ListingView> portal, List<ListingView> queue,
                        List<PlacementView> placements, PartnershipFigures figures) {
    }

    @BeforeEach
    void history() {
        Actor staff = new Actor("pstaff", "district-staff", district);
        Actor acmeUser = new Actor("sup", "partner", district);
        PartnerRef acme = new PartnerRef(district, "acme");
        PartnerRef clinic = new PartnerRef(district, "clinic");
        commands.send(new OnboardPartner(acme, "Acme Tools", OrganisationType.BUSINESS, "Shop", null), staff);
        commands.send(new OnboardPartner(clinic, "Valley Clinic", OrganisationType.COMMUNITY_ORGANISATION, "", null), staff);
        commands.send(new AddPartnerContact(acme, new Contact("c1", "Dana Reyes", "Supervisor", "dana@acme.example", null)), staff);
        Instant year = Instant.now().plusSeconds(365L * 86400);
        commands.send(new SignAgreement(acme, today, today.plusYears(1), year, List.of(), AlignmentStatus.VERIFIED), staff);
        commands.send(new RecordAttestation(acme, AttestationType.LIABILITY_INSURANCE, year, "P-1"), staff);
        commands.send(new RecordAttestation(acme, AttestationType.BACKGROUND_CHECKS, Instant.now().plusSeconds(10 * 86400L), "B-1"), staff);
        ListingDetails details = new ListingDetails(ListingType.INTERNSHIP, "Machinist intern", "CNC basics",
                "Manufacturing", true, "$15/hour", "12 Main St", false, "Tue/Thu", 6, 3, 10, 12, 16, today,
                today.plusMonths(2), "Dana Reyes", "dana@acme.example");
        ListingRef l1 = new ListingRef(district, "l1");
        ListingRef l2 = new ListingRef(district, "l2");
        commands.send(new DraftListing(l1, "acme", details, "acme"), acmeUser);
        commands.send(new DraftListing(l2, "acme", details, "acme"), acmeUser);
        commands.send(new SubmitListing(l1, "acme"), acmeUser);
        commands.send(new SubmitListing(l2, "acme"), acmeUser);
        commands.send(new ApproveListing(l1), staff);
        commands.send(new ReturnListing(l2, "Say what the intern makes"), staff);
        commands.send(new RecordPlacement(l1, "pl1", "stu-20931", "Lindsay High", today), staff);
        commands.send(new LogPlacementHours(l1, "pl1", "h1", today, new BigDecimal("3.5")), staff);
        commands.send(new ConfirmPlacementHours(l1, "pl1", "h1", "acme"), acmeUser);
        commands.send(new CompletePlacement(l1, "pl1", 4, "Safe and careful", "acme"), acmeUser);
    }

    @Test
    void thePartnersProjectionConvergesAfterADuplicateReplayAndAFullRebuild() throws Exception {
        PartnerViews original = ProjectionReplay.await(this::partnerViews,
                v -> v.acme().map(PartnerView::goodStanding).orElse(false) && v.expiring().size() == 1);
        StreamingEventProcessor processor = processing
                .eventProcessor(PartnerProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        ProjectionReplay.replay(processor, () -> { });
        // with several segments, caught-up can hold before every segment is claimed again: wait for both
        assertThat(ProjectionReplay.await(this::partnerViews, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);

        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(PartnerProjection.COLLECTION).drop();
            assertThat(partnerViews().partners()).isEmpty();
        });
        assertThat(ProjectionReplay.await(this::partnerViews, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);
    }

    @Test
    void theListingsProjectionConvergesAfterADuplicateReplayAndAFullRebuild() throws Exception {
        ListingViews original = ProjectionReplay.await(this::listingViews,
                v -> v.board().size() == 1 && v.placements().size() == 1 && v.placements().get(0).completed()
                        && v.portal().size() == 2 && !v.portal().get(1).reviewNotes().isEmpty());
        StreamingEventProcessor processor = processing
                .eventProcessor(ListingProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();

        ProjectionReplay.replay(processor, () -> { });
        // with several segments, caught-up can hold before every segment is claimed again: wait for both
        assertThat(ProjectionReplay.await(this::listingViews, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);

        ProjectionReplay.replay(processor, () -> {
            readSideDatabase.getCollection(ListingProjection.COLLECTION).drop();
            readSideDatabase.getCollection(ListingProjection.PARTNERS).drop();
            assertThat(listingViews().portal()).isEmpty();
        });
        assertThat(ProjectionReplay.await(this::listingViews, v -> v.equals(original) && ProjectionReplay.caughtUp(processor)))
                .isEqualTo(original);
    }

    private PartnerViews partnerViews() {
        return new PartnerViews(partners.handle(new FindPartners(district)), partners.handle(new FindPartner(district, "acme")),
                partners.handle(new FindExpiringCommitments(district, Instant.now().plusSeconds(30 * 86400L))));
    }

    private ListingViews listingViews() {
        return new ListingViews(
                listings.handle(FindOpportunities.all(district, today, 100)).items(),
                listings.handle(new FindPartnerListings(district, "acme")),
                listings.handle(new FindReviewQueue(district)),
                listings.handle(new FindPlacements(district, "l1")),
                listings.handle(new FindPartnershipFigures(district, today)));
    }
}
