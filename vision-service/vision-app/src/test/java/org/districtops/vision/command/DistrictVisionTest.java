package org.districtops.vision.command;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.vision.api.AdoptVision;
import org.districtops.vision.api.BoardVote;
import org.districtops.vision.api.CloseCommentPeriod;
import org.districtops.vision.api.CommentPeriodClosed;
import org.districtops.vision.api.CommentPeriodOpened;
import org.districtops.vision.api.DraftVision;
import org.districtops.vision.api.ModerateVisionComment;
import org.districtops.vision.api.OpenCommentPeriod;
import org.districtops.vision.api.ReviseVisionDraft;
import org.districtops.vision.api.SubmitVisionComment;
import org.districtops.vision.api.VisionAdopted;
import org.districtops.vision.api.VisionCommentModerated;
import org.districtops.vision.api.VisionCommentSubmitted;
import org.districtops.vision.api.VisionDraftRevised;
import org.districtops.vision.api.VisionDrafted;
import org.districtops.vision.api.VisionRef;
import org.districtops.vision.api.VisionVersion;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.districtops.vision.api.CommentAuthorKind.PARTNER;
import static org.districtops.vision.api.CommentAuthorKind.PUBLIC;
import static org.districtops.vision.api.CommentAuthorKind.STAFF;
import static org.districtops.vision.api.ModerationDecision.APPROVED;
import static org.districtops.vision.api.ModerationDecision.REJECTED;

/** One given-when-then per business rule of the district vision. */
class DistrictVisionTest {

    private static final VisionRef VISION = new VisionRef("lindsay");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate CLOSES_ON = TODAY.plusDays(30);
    private static final String STATEMENT = "Every learner ready for the future they choose";
    private static final List<String> OUTCOMES = List.of("Learners own their learning", "Graduates ready for college and career");
    private static final List<String> GAPS = List.of("Reading proficiency gap for English learners");
    private static final String RATIONALE = "Personalized pathways let each learner progress at their own pace";
    private static final BoardVote VOTE = new BoardVote(TODAY.minusDays(1), 5, 2, 0, "Regular meeting, item 7");

    private static final VisionDrafted DRAFTED = new VisionDrafted("lindsay", 1, STATEMENT, OUTCOMES, GAPS, RATIONALE);
    private static final CommentPeriodOpened OPENED = new CommentPeriodOpened("lindsay", 1, 1, CLOSES_ON);
    private static final VisionCommentSubmitted COMMENTED =
            new VisionCommentSubmitted("lindsay", 1, 1, "c1", PUBLIC, "Please include the arts");
    private static final CommentPeriodClosed CLOSED = new CommentPeriodClosed("lindsay", 1, 1);
    private static final VisionAdopted ADOPTED =
            new VisionAdopted("lindsay", 1, STATEMENT, OUTCOMES, GAPS, RATIONALE, VOTE, "");

    private FixtureConfiguration<DistrictVision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DistrictVision.class);
    }

    // drafting

    @Test
    void aFirstDraftCreatesTheVisionAsDraftOne() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, "  " + STATEMENT + " ", List.of(" Learners own their learning",
                        "Graduates ready for college and career"), GAPS, RATIONALE + "\n", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DRAFTED)
                .expectResultMessagePayload(new VisionVersion("lindsay", 1, 0));
    }

    @Test
    void aDraftNeedsAStatement() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, " ", OUTCOMES, GAPS, RATIONALE, null))
                .expectException(invalid("statement"))
                .expectNoEvents();
    }

    @Test
    void aDraftNamesAtLeastOneDesiredOutcome() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, STATEMENT, List.of(), GAPS, RATIONALE, null))
                .expectException(invalid("outcomes"))
                .expectNoEvents();
    }

    @Test
    void aDraftNamesAtLeastOneGapToClose() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, STATEMENT, OUTCOMES, null, RATIONALE, null))
                .expectException(invalid("gaps"))
                .expectNoEvents();
    }

    @Test
    void aBlankOutcomeIsRejectedByItsPosition() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, STATEMENT, List.of("Agency", " "), GAPS, RATIONALE, null))
                .expectException(invalid("outcomes[1]"))
                .expectNoEvents();
    }

    @Test
    void aDraftSaysWhyPersonalizedLearningShouldHelp() {
        fixture.givenNoPriorActivity()
                .when(new DraftVision(VISION, STATEMENT, OUTCOMES, GAPS, "", null))
                .expectException(invalid("rationale"))
                .expectNoEvents();
    }

    @Test
    void draftingWhileADraftIsInProgressIsAConflict() {
        fixture.given(DRAFTED, OPENED)
                .when(new DraftVision(VISION, "Another", OUTCOMES, GAPS, RATIONALE, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Draft 1 of the vision is still in progress"))
                .expectNoEvents();
    }

    @Test
    void draftingAfterAnAdoptionStartsAnAmendmentAndKeepsTheAdoptedHistory() {
        fixture.given(DRAFTED, OPENED, CLOSED, ADOPTED)
                .when(new DraftVision(VISION, "Amended statement", OUTCOMES, GAPS, RATIONALE, 3L))
                .expectEvents(new VisionDrafted("lindsay", 2, "Amended statement", OUTCOMES, GAPS, RATIONALE))
                .expectResultMessagePayload(new VisionVersion("lindsay", 2, 4));
    }

    @Test
    void anAmendmentIsAdoptedAsItsOwnDraftNumber() {
        VisionDrafted amendment = new VisionDrafted("lindsay", 2, "Amended statement", OUTCOMES, GAPS, RATIONALE);
        fixture.given(DRAFTED, OPENED, CLOSED, ADOPTED, amendment,
                        new CommentPeriodOpened("lindsay", 2, 2, CLOSES_ON), new CommentPeriodClosed("lindsay", 2, 2))
                .when(new AdoptVision(VISION, VOTE, null, null))
                .expectEvents(new VisionAdopted("lindsay", 2, "Amended statement", OUTCOMES, GAPS, RATIONALE, VOTE, ""));
    }

    // comment period

    @Test
    void openingACommentPeriodRecordsItsLastDay() {
        fixture.given(DRAFTED)
                .when(new OpenCommentPeriod(VISION, CLOSES_ON, 0L))
                .expectEvents(OPENED)
                .expectResultMessagePayload(new VisionVersion("lindsay", 1, 1));
    }

    @Test
    void aCommentPeriodCannotEndInThePast() {
        fixture.given(DRAFTED)
                .when(new OpenCommentPeriod(VISION, TODAY.minusDays(3), null))
                .expectException(invalid("closesOn"))
                .expectNoEvents();
    }

    @Test
    void aCommentPeriodLastsAtMostAYear() {
        fixture.given(DRAFTED)
                .when(new OpenCommentPeriod(VISION, TODAY.plusDays(400), null))
                .expectException(invalid("closesOn"))
                .expectNoEvents();
    }

    @Test
    void onlyOneCommentPeriodIsOpenAtATime() {
        fixture.given(DRAFTED, OPENED)
                .when(new OpenCommentPeriod(VISION, CLOSES_ON.plusDays(7), null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aCommentPeriodNeedsADraftInProgress() {
        fixture.given(DRAFTED, OPENED, CLOSED, ADOPTED)
                .when(new OpenCommentPeriod(VISION, CLOSES_ON, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aSecondRoundOfCommentsOnTheSameDraftGetsTheNextPeriodNumber() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new OpenCommentPeriod(VISION, CLOSES_ON, null))
                .expectEvents(new CommentPeriodOpened("lindsay", 1, 2, CLOSES_ON));
    }

    @Test
    void closingTheOpenCommentPeriodRecordsIt() {
        fixture.given(DRAFTED, OPENED, COMMENTED)
                .when(new CloseCommentPeriod(VISION, null))
                .expectEvents(CLOSED)
                .expectResultMessagePayload(new VisionVersion("lindsay", 1, 3));
    }

    @Test
    void closingWithoutAnOpenCommentPeriodIsAConflict() {
        fixture.given(DRAFTED)
                .when(new CloseCommentPeriod(VISION, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    // comments

    @Test
    void aCommentDuringTheOpenPeriodIsRecordedWithOnlyTheKindOfAuthor() {
        fixture.given(DRAFTED, OPENED)
                .when(new SubmitVisionComment(VISION, "c1", PUBLIC, " Please include the arts ", null))
                .expectEvents(COMMENTED);
    }

    @Test
    void aCommentBeforeAnyCommentPeriodIsRejected() {
        fixture.given(DRAFTED)
                .when(new SubmitVisionComment(VISION, "c1", STAFF, "Early thoughts", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aCommentAfterTheCommentPeriodClosedIsRejected() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new SubmitVisionComment(VISION, "c2", PARTNER, "Late thoughts", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aCommentAfterTheAnnouncedLastDayIsRejectedEvenBeforeTheLeaderClosesThePeriod() {
        fixture.given(DRAFTED, new CommentPeriodOpened("lindsay", 1, 1, TODAY.minusDays(2)))
                .when(new SubmitVisionComment(VISION, "c1", PUBLIC, "Too late", null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage("The comment period closed on " + TODAY.minusDays(2) + ".")
                .expectNoEvents();
    }

    @Test
    void aCommentIsAtMost4000Characters() {
        fixture.given(DRAFTED, OPENED)
                .when(new SubmitVisionComment(VISION, "c1", PUBLIC, "x".repeat(4001), null))
                .expectException(invalid("text"))
                .expectNoEvents();
    }

    @Test
    void aCommentNeedsText() {
        fixture.given(DRAFTED, OPENED)
                .when(new SubmitVisionComment(VISION, "c1", PUBLIC, "   ", null))
                .expectException(invalid("text"))
                .expectNoEvents();
    }

    @Test
    void aCommentIdIsUsedOnlyOnce() {
        fixture.given(DRAFTED, OPENED, COMMENTED)
                .when(new SubmitVisionComment(VISION, "c1", PUBLIC, "Again", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    // moderation

    @Test
    void approvingACommentRecordsTheDecision() {
        fixture.given(DRAFTED, OPENED, COMMENTED)
                .when(new ModerateVisionComment(VISION, "c1", APPROVED, null, null))
                .expectEvents(new VisionCommentModerated("lindsay", "c1", APPROVED, ""));
    }

    @Test
    void rejectingACommentNeedsAReason() {
        fixture.given(DRAFTED, OPENED, COMMENTED)
                .when(new ModerateVisionComment(VISION, "c1", REJECTED, " ", null))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    @Test
    void aModeratorMayReverseADecisionAfterThePeriodClosed() {
        fixture.given(DRAFTED, OPENED, COMMENTED, new VisionCommentModerated("lindsay", "c1", APPROVED, ""), CLOSED)
                .when(new ModerateVisionComment(VISION, "c1", REJECTED, "Contains a student's name", null))
                .expectEvents(new VisionCommentModerated("lindsay", "c1", REJECTED, "Contains a student's name"));
    }

    @Test
    void repeatingTheCurrentDecisionIsAConflict() {
        fixture.given(DRAFTED, OPENED, COMMENTED, new VisionCommentModerated("lindsay", "c1", APPROVED, ""))
                .when(new ModerateVisionComment(VISION, "c1", APPROVED, null, null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void moderatingAnUnknownCommentIsNotFound() {
        fixture.given(DRAFTED, OPENED, COMMENTED)
                .when(new ModerateVisionComment(VISION, "nope", APPROVED, null, null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    // revision

    @Test
    void aRevisionRecordsHowCommunityInputChangedTheDraft() {
        fixture.given(DRAFTED, OPENED, COMMENTED, CLOSED)
                .when(new ReviseVisionDraft(VISION, STATEMENT, List.of("Learners own their learning", "Arts for all"),
                        GAPS, RATIONALE, " Added the arts after community comments ", null))
                .expectEvents(new VisionDraftRevised("lindsay", 1, STATEMENT,
                        List.of("Learners own their learning", "Arts for all"), GAPS, RATIONALE,
                        "Added the arts after community comments"));
    }

    @Test
    void aRevisionNeedsASummary() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new ReviseVisionDraft(VISION, STATEMENT, OUTCOMES, GAPS, RATIONALE, null, null))
                .expectException(invalid("summary"))
                .expectNoEvents();
    }

    @Test
    void revisingWhileCommentsAreOpenIsAConflict() {
        fixture.given(DRAFTED, OPENED)
                .when(new ReviseVisionDraft(VISION, STATEMENT, OUTCOMES, GAPS, RATIONALE, "Tweaks", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void revisingNeedsADraftInProgress() {
        fixture.given(DRAFTED, OPENED, CLOSED, ADOPTED)
                .when(new ReviseVisionDraft(VISION, STATEMENT, OUTCOMES, GAPS, RATIONALE, "Tweaks", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    // adoption

    @Test
    void adoptingAfterAClosedCommentPeriodRecordsTheRevisedTextAndTheVote() {
        VisionDraftRevised revised = new VisionDraftRevised("lindsay", 1, "Revised statement", OUTCOMES, GAPS,
                RATIONALE, "Sharper statement");
        fixture.given(DRAFTED, OPENED, COMMENTED, CLOSED, revised)
                .when(new AdoptVision(VISION, new BoardVote(VOTE.date(), 5, 2, 0, " Regular meeting, item 7 "), null, 4L))
                .expectEvents(new VisionAdopted("lindsay", 1, "Revised statement", OUTCOMES, GAPS, RATIONALE, VOTE, ""))
                .expectResultMessagePayload(new VisionVersion("lindsay", 1, 5));
    }

    @Test
    void cannotAdoptWithoutAClosedCommentPeriod() {
        fixture.given(DRAFTED)
                .when(new AdoptVision(VISION, VOTE, null, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no closed comment period"))
                .expectNoEvents();
    }

    @Test
    void canAdoptWithoutACommentPeriodGivenAWaiverReason() {
        fixture.given(DRAFTED)
                .when(new AdoptVision(VISION, VOTE, " State deadline; input gathered at town halls ", null))
                .expectEvents(new VisionAdopted("lindsay", 1, STATEMENT, OUTCOMES, GAPS, RATIONALE, VOTE,
                        "State deadline; input gathered at town halls"));
    }

    @Test
    void aBlankWaiverReasonIsNoWaiver() {
        fixture.given(DRAFTED)
                .when(new AdoptVision(VISION, VOTE, "   ", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aWaiverIsRefusedWhenTheDraftHadACommentPeriod() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, VOTE, "Just in case", null))
                .expectException(invalid("waiverReason"))
                .expectNoEvents();
    }

    @Test
    void cannotAdoptWhileTheCommentPeriodIsOpenEvenWithAWaiver() {
        fixture.given(DRAFTED, OPENED)
                .when(new AdoptVision(VISION, VOTE, "Urgent", null))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aFailedVoteIsRejected() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, new BoardVote(VOTE.date(), 2, 3, 1, "Item 7"), null, null))
                .expectException(invalid("boardVote.votesFor"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("the motion did not carry"))
                .expectNoEvents();
    }

    @Test
    void aTiedVoteIsNotAMajority() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, new BoardVote(VOTE.date(), 3, 3, 1, "Item 7"), null, null))
                .expectException(invalid("boardVote.votesFor"))
                .expectNoEvents();
    }

    @Test
    void voteCountsCannotBeNegative() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, new BoardVote(VOTE.date(), 5, 0, -1, "Item 7"), null, null))
                .expectException(invalid("boardVote.abstentions"))
                .expectNoEvents();
    }

    @Test
    void theBoardVoteCannotBeInTheFuture() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, new BoardVote(TODAY.plusDays(3), 5, 0, 0, "Item 7"), null, null))
                .expectException(invalid("boardVote.date"))
                .expectNoEvents();
    }

    @Test
    void theBoardVoteNamesTheMeetingItWasTakenIn() {
        fixture.given(DRAFTED, OPENED, CLOSED)
                .when(new AdoptVision(VISION, new BoardVote(VOTE.date(), 5, 0, 0, ""), null, null))
                .expectException(invalid("boardVote.meetingReference"))
                .expectNoEvents();
    }

    @Test
    void thereIsNothingToAdoptWithoutADraftInProgress() {
        fixture.given(DRAFTED, OPENED, CLOSED, ADOPTED)
                .when(new AdoptVision(VISION, VOTE, null, null))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no draft vision in progress"))
                .expectNoEvents();
    }

    // versions

    @Test
    void aCommandBasedOnAnOlderVersionIsAConflict() {
        fixture.given(DRAFTED, OPENED)
                .when(new CloseCommentPeriod(VISION, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    private static Matcher<InvalidInputException> invalid(String field) {
        return new CustomTypeSafeMatcher<>("an InvalidInputException naming '" + field + "'") {
            @Override
            protected boolean matchesSafely(InvalidInputException e) {
                return field.equals(e.field());
            }
        };
    }
}
