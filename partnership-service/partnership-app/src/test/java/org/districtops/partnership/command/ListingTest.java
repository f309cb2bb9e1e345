package org.districtops.partnership.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.partnership.api.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One given-when-then per rule of a listing's workflow and its placements. */
class ListingTest {

    private static final ListingRef LISTING = new ListingRef("lindsay", "l1");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final ListingDetails DETAILS = new ListingDetails(ListingType.INTERNSHIP, "Machinist intern",
            "Learn CNC basics", "Manufacturing", true, "$15/hour", "12 Main St", false, "Tue/Thu afternoons", 6, 2,
            10, 12, 16, TODAY, TODAY.plusMonths(2), "Dana Reyes", "dana@acme.example");
    private static final ListingDrafted DRAFTED = new ListingDrafted("lindsay", "l1", "acme", DETAILS);
    private static final ListingSubmitted SUBMITTED = new ListingSubmitted("lindsay", "l1", "acme");
    private static final ListingApproved APPROVED = new ListingApproved("lindsay", "l1", "acme");
    private static final PlacementRecorded PLACED = new PlacementRecorded("lindsay", "l1", "acme", "pl1",
            "stu-20931", "Lindsay High", TODAY);
    private static final PlacementHoursLogged LOGGED = new PlacementHoursLogged("lindsay", "l1", "pl1", "h1", TODAY,
            new BigDecimal("3.5"));
    private static final Instant EXPIRY = TODAY.plusMonths(2).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private FixtureConfiguration<Listing> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Listing.class);
    }

    @Test
    void aPartnerDraftsAListingForItself() {
        fixture.givenNoPriorActivity()
                .when(new DraftListing(LISTING, "acme", DETAILS, "acme"))
                .expectEvents(DRAFTED);
    }

    @Test
    void aPartnerCannotDraftForAnotherPartner() {
        fixture.givenNoPriorActivity()
                .when(new DraftListing(LISTING, "acme", DETAILS, "globex"))
                .expectException(ForbiddenException.class);
    }

    @Test
    void aListingOnSiteNeedsALocation() {
        fixture.givenNoPriorActivity()
                .when(new DraftListing(LISTING, "acme", new ListingDetails(ListingType.INTERNSHIP, "T", "D", "P", false,
                        null, null, false, "S", 5, 1, 9, 12, 14, TODAY, TODAY, "Dana", "dana@acme.example"), null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aPaidListingStatesItsTerms() {
        fixture.givenNoPriorActivity()
                .when(new DraftListing(LISTING, "acme", new ListingDetails(ListingType.INTERNSHIP, "T", "D", "P", true,
                        " ", null, true, "S", 5, 1, 9, 12, 14, TODAY, TODAY, "Dana", "dana@acme.example"), null))
                .expectExceptionMessage("must not be blank");
    }

    @Test
    void applicationsCloseOnOrAfterTheyOpen() {
        fixture.givenNoPriorActivity()
                .when(new DraftListing(LISTING, "acme", new ListingDetails(ListingType.MENTORSHIP, "T", "D", "P", false,
                        null, null, true, "S", 5, 1, 9, 12, 14, TODAY, TODAY.minusDays(1), "Dana", "dana@acme.example"), null))
                .expectException(InvalidInputException.class);
    }

    @Test
    void anotherPartnerCannotReviseOrSubmit() {
        fixture.given(DRAFTED)
                .when(new SubmitListing(LISTING, "globex"))
                .expectException(ForbiddenException.class);
    }

    @Test
    void theOwnerSubmitsItsDraft() {
        fixture.given(DRAFTED)
                .when(new SubmitListing(LISTING, "acme"))
                .expectEvents(SUBMITTED);
    }

    @Test
    void aDraftCannotBeApprovedBeforeItIsSubmitted() {
        fixture.given(DRAFTED)
                .when(new ApproveListing(LISTING))
                .expectException(StateConflictException.class);
    }

    @Test
    void approvalPublishesAndSchedulesTheExpiryAtTheEndOfApplyUntil() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new ApproveListing(LISTING))
                .expectEvents(APPROVED)
                .expectScheduledDeadline(EXPIRY, new ExpiryDue("LISTING", EXPIRY));
    }

    @Test
    void aPublishedListingExpiresPastApplyUntil() {
        fixture.given(DRAFTED, SUBMITTED)
                .andGivenCommands(new ApproveListing(LISTING))
                .whenThenTimeAdvancesTo(EXPIRY.plusSeconds(1))
                .expectEvents(new ListingExpired("lindsay", "l1", "acme", DETAILS.applyUntil()));
    }

    @Test
    void aReturnNeedsAReasonAndAllowsRevision() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new ReturnListing(LISTING, " "))
                .expectException(InvalidInputException.class);
        fixture.given(DRAFTED, SUBMITTED, new ListingReturned("lindsay", "l1", "acme", "Add the hours"))
                .when(new ReviseListing(LISTING, DETAILS, "acme"))
                .expectEvents(new ListingRevised("lindsay", "l1", "acme", DETAILS));
    }

    @Test
    void aDeclineIsFinal() {
        fixture.given(DRAFTED, SUBMITTED, new ListingDeclined("lindsay", "l1", "acme", "Not a fit"))
                .when(new SubmitListing(LISTING, "acme"))
                .expectException(StateConflictException.class);
    }

    @Test
    void aSubmittedListingCannotBeRevised() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new ReviseListing(LISTING, DETAILS, "acme"))
                .expectException(StateConflictException.class);
    }

    @Test
    void onlyAPublishedListingIsFilled() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED)
                .when(new EndListing(LISTING, ListingOutcome.FILLED, "acme"))
                .expectEvents(new ListingEnded("lindsay", "l1", "acme", ListingOutcome.FILLED));
        fixture.given(DRAFTED)
                .when(new EndListing(LISTING, ListingOutcome.CLOSED, "acme"))
                .expectException(StateConflictException.class);
    }

    @Test
    void studentsArePlacedOnlyOnPublishedListings() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new RecordPlacement(LISTING, "pl1", "stu-20931", "Lindsay High", TODAY))
                .expectException(StateConflictException.class);
    }

    @Test
    void aPlacementUsesAPseudonymousIdNeverAName() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED)
                .when(new RecordPlacement(LISTING, "pl1", "MariaGarcia", "Lindsay High", TODAY))
                .expectException(InvalidInputException.class);
        fixture.given(DRAFTED, SUBMITTED, APPROVED)
                .when(new RecordPlacement(LISTING, "pl1", "maria@school.org", "Lindsay High", TODAY))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aPlacementIsRecorded() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED)
                .when(new RecordPlacement(LISTING, "pl1", "stu-20931", "Lindsay High", TODAY))
                .expectEvents(PLACED);
    }

    @Test
    void placementsStayWithinCapacity() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED,
                        new PlacementRecorded("lindsay", "l1", "acme", "pl2", "stu-20932", "Lindsay High", TODAY))
                .when(new RecordPlacement(LISTING, "pl3", "stu-20933", "Lindsay High", TODAY))
                .expectException(StateConflictException.class);
    }

    @Test
    void hoursArePositiveAndAtMostADay() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED)
                .when(new LogPlacementHours(LISTING, "pl1", "h1", TODAY, new BigDecimal("25")))
                .expectException(InvalidInputException.class);
    }

    @Test
    void staffLogHoursForTheStudent() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED)
                .when(new LogPlacementHours(LISTING, "pl1", "h1", TODAY, new BigDecimal("3.5")))
                .expectEvents(LOGGED);
    }

    @Test
    void theOwningPartnersSupervisorConfirmsHours() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED, LOGGED)
                .when(new ConfirmPlacementHours(LISTING, "pl1", "h1", "acme"))
                .expectEvents(new PlacementHoursConfirmed("lindsay", "l1", "pl1", "h1", new BigDecimal("3.5")));
    }

    @Test
    void anotherPartnerCannotConfirmHours() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED, LOGGED)
                .when(new ConfirmPlacementHours(LISTING, "pl1", "h1", "globex"))
                .expectException(ForbiddenException.class);
    }

    @Test
    void districtStaffCannotConfirmHoursThemselves() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED, LOGGED)
                .when(new ConfirmPlacementHours(LISTING, "pl1", "h1", null))
                .expectException(ForbiddenException.class);
    }

    @Test
    void hoursAreConfirmedOnce() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED, LOGGED,
                        new PlacementHoursConfirmed("lindsay", "l1", "pl1", "h1", new BigDecimal("3.5")))
                .when(new ConfirmPlacementHours(LISTING, "pl1", "h1", "acme"))
                .expectException(StateConflictException.class);
    }

    @Test
    void aCompletionEvaluationCarriesNoContactData() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED)
                .when(new CompletePlacement(LISTING, "pl1", 3, "Great work; reach her at kid@home.example", "acme"))
                .expectException(InvalidInputException.class);
    }

    @Test
    void aPlacementIsCompletedWithAnEvaluation() {
        fixture.given(DRAFTED, SUBMITTED, APPROVED, PLACED)
                .when(new CompletePlacement(LISTING, "pl1", 4, "Ran the lathe safely", "acme"))
                .expectEvents(new PlacementCompleted("lindsay", "l1", "pl1", 4, "Ran the lathe safely"));
    }
}
