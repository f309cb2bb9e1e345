package org.districtops.vision.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
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
import org.districtops.vision.api.ModerationDecision;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A district's vision for teaching and learning, one per district: drafted, put out for community comment,
 * revised, and adopted by a board vote. An adoption ends the draft; drafting again starts an amendment, and the
 * adopted vision stays in force until the board adopts the next one. Validates, then applies events; state
 * changes only in the event sourcing handlers.
 */
@Aggregate
public class DistrictVision {

    static final int MAX_STATEMENT = 2000;
    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM = 500;
    static final int MAX_RATIONALE = 4000;
    static final int MAX_COMMENT = 4000;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_REASON = 1000;
    static final int MAX_MEETING_REFERENCE = 200;
    static final int MAX_COMMENT_PERIOD_DAYS = 366;
    /**
     * Dates are calendar days of the district, whose time zone the platform does not know yet. A date counts as
     * past only once it is past everywhere ("anywhere on earth", UTC-12), and as future only while it is still
     * future everywhere (UTC+14), so no district is refused a date that is valid where it is.
     */
    static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(-12);
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    @AggregateIdentifier
    private String id;
    private int draftNumber;
    private boolean draftInProgress;
    private Content content;
    /** Comment periods are numbered over the life of the vision, across drafts. */
    private int periodNumber;
    private boolean periodOpen;
    private LocalDate periodClosesOn;
    /** Whether the draft in progress has had a comment period that is now closed. */
    private boolean commentPeriodHeld;
    /** Every comment ever submitted, with its latest decision (absent value: pending). */
    private final Map<String, ModerationDecision> comments = new HashMap<>();

    protected DistrictVision() {
        // for Axon, and the instance a first DraftVision runs on
    }

    /** Creates the vision on first use; takes ids from the command, as nothing has been sourced yet then. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VisionVersion handle(DraftVision command) {
        Content draft = Content.of(command.statement(), command.outcomes(), command.gaps(), command.rationale());
        if (draftInProgress) {
            throw new StateConflictException("Draft " + draftNumber + " of the vision is still in progress; "
                    + "revise it, or have the board adopt it before starting another.");
        }
        int next = draftNumber + 1;
        apply(new VisionDrafted(command.vision().districtId(), next, draft.statement(), draft.outcomes(),
                draft.gaps(), draft.rationale()));
        return result(command.vision(), next);
    }

    @CommandHandler
    public VisionVersion handle(ReviseVisionDraft command) {
        Content revised = Content.of(command.statement(), command.outcomes(), command.gaps(), command.rationale());
        String summary = requireText("summary", command.summary(), MAX_SUMMARY);
        requireDraftInProgress("revise");
        if (periodOpen) {
            throw new StateConflictException("The comment period is open; close it before revising the draft, "
                    + "so that every comment refers to the text people saw.");
        }
        apply(new VisionDraftRevised(command.vision().districtId(), draftNumber, revised.statement(),
                revised.outcomes(), revised.gaps(), revised.rationale(), summary));
        return result(command.vision(), draftNumber);
    }

    @CommandHandler
    public VisionVersion handle(OpenCommentPeriod command) {
        LocalDate closesOn = command.closesOn();
        if (closesOn == null) {
            throw new InvalidInputException("closesOn", "must not be null");
        }
        if (closesOn.isBefore(LocalDate.now(LATEST_ZONE))) {
            throw new InvalidInputException("closesOn", "must not be in the past");
        }
        if (closesOn.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(MAX_COMMENT_PERIOD_DAYS))) {
            throw new InvalidInputException("closesOn", "a comment period lasts at most " + MAX_COMMENT_PERIOD_DAYS
                    + " days");
        }
        requireDraftInProgress("comment on");
        if (periodOpen) {
            throw new StateConflictException("A comment period is already open until " + periodClosesOn + ".");
        }
        apply(new CommentPeriodOpened(command.vision().districtId(), draftNumber, periodNumber + 1, closesOn));
        return result(command.vision(), draftNumber);
    }

    @CommandHandler
    public VisionVersion handle(CloseCommentPeriod command) {
        if (!periodOpen) {
            throw new StateConflictException("No comment period is open.");
        }
        apply(new CommentPeriodClosed(command.vision().districtId(), draftNumber, periodNumber));
        return result(command.vision(), draftNumber);
    }

    @CommandHandler
    public VisionVersion handle(SubmitVisionComment command) {
        if (command.authorKind() == null) {
            throw new InvalidInputException("authorKind", "must not be null");
        }
        String text = requireText("text", command.text(), MAX_COMMENT);
        if (!periodOpen) {
            throw new StateConflictException("The vision is not open for comments: there is no open comment period.");
        }
        if (LocalDate.now(LATEST_ZONE).isAfter(periodClosesOn)) {
            throw new StateConflictException("The comment period closed on " + periodClosesOn + ".");
        }
        if (comments.containsKey(command.commentId())) {
            throw new StateConflictException("Comment " + command.commentId() + " was already submitted.");
        }
        apply(new VisionCommentSubmitted(command.vision().districtId(), draftNumber, periodNumber,
                command.commentId(), command.authorKind(), text));
        return result(command.vision(), draftNumber);
    }

    @CommandHandler
    public VisionVersion handle(ModerateVisionComment command) {
        if (command.decision() == null) {
            throw new InvalidInputException("decision", "must not be null");
        }
        String reason = optionalText("reason", command.reason(), MAX_REASON);
        if (command.decision() == ModerationDecision.REJECTED && reason.isEmpty()) {
            throw new InvalidInputException("reason", "a rejection needs a reason");
        }
        if (!comments.containsKey(command.commentId())) {
            throw new NotFoundException("No comment " + command.commentId() + " on the vision of "
                    + command.vision().districtId() + ".");
        }
        if (comments.get(command.commentId()) == command.decision()) {
            throw new StateConflictException("Comment " + command.commentId() + " is already "
                    + command.decision().name().toLowerCase(Locale.ROOT) + ".");
        }
        apply(new VisionCommentModerated(command.vision().districtId(), command.commentId(), command.decision(),
                reason));
        return result(command.vision(), draftNumber);
    }

    @CommandHandler
    public VisionVersion handle(AdoptVision command) {
        BoardVote vote = validVote(command.boardVote());
        String waiverReason = optionalText("waiverReason", command.waiverReason(), MAX_REASON);
        requireDraftInProgress("adopt");
        if (periodOpen) {
            throw new StateConflictException("The comment period is still open until " + periodClosesOn
                    + "; close it before the board adopts the vision.");
        }
        if (!commentPeriodHeld && waiverReason.isEmpty()) {
            throw new StateConflictException("Draft " + draftNumber + " has had no closed comment period. Hold one "
                    + "(open and close it), or give a waiverReason for adopting without community comment.");
        }
        if (commentPeriodHeld && !waiverReason.isEmpty()) {
            throw new InvalidInputException("waiverReason",
                    "draft " + draftNumber + " had a comment period; there is nothing to waive");
        }
        apply(new VisionAdopted(command.vision().districtId(), draftNumber, content.statement(), content.outcomes(),
                content.gaps(), content.rationale(), vote, waiverReason));
        return result(command.vision(), draftNumber);
    }

    @EventSourcingHandler
    void on(VisionDrafted event) {
        this.id = new VisionRef(event.districtId()).toString();
        this.draftNumber = event.draftNumber();
        this.draftInProgress = true;
        this.content = new Content(event.statement(), event.outcomes(), event.gaps(), event.rationale());
        this.commentPeriodHeld = false;
    }

    @EventSourcingHandler
    void on(VisionDraftRevised event) {
        this.content = new Content(event.statement(), event.outcomes(), event.gaps(), event.rationale());
    }

    @EventSourcingHandler
    void on(CommentPeriodOpened event) {
        this.periodNumber = event.periodNumber();
        this.periodOpen = true;
        this.periodClosesOn = event.closesOn();
    }

    @EventSourcingHandler
    void on(CommentPeriodClosed event) {
        this.periodOpen = false;
        this.commentPeriodHeld = true;
    }

    @EventSourcingHandler
    void on(VisionCommentSubmitted event) {
        comments.put(event.commentId(), null);
    }

    @EventSourcingHandler
    void on(VisionCommentModerated event) {
        comments.put(event.commentId(), event.decision());
    }

    @EventSourcingHandler
    void on(VisionAdopted event) {
        this.draftInProgress = false;
    }

    private void requireDraftInProgress(String action) {
        if (!draftInProgress) {
            throw new StateConflictException("There is no draft vision in progress to " + action
                    + "; draft an amendment first.");
        }
    }

    private static BoardVote validVote(BoardVote vote) {
        if (vote == null) {
            throw new InvalidInputException("boardVote", "must not be null");
        }
        if (vote.date() == null) {
            throw new InvalidInputException("boardVote.date", "must not be null");
        }
        if (vote.date().isAfter(LocalDate.now(EARLIEST_ZONE))) {
            throw new InvalidInputException("boardVote.date", "must not be in the future");
        }
        requireNotNegative("boardVote.votesFor", vote.votesFor());
        requireNotNegative("boardVote.votesAgainst", vote.votesAgainst());
        requireNotNegative("boardVote.abstentions", vote.abstentions());
        if (vote.votesFor() <= vote.votesAgainst()) {
            throw new InvalidInputException("boardVote.votesFor", "the motion did not carry: votesFor ("
                    + vote.votesFor() + ") must be more than votesAgainst (" + vote.votesAgainst()
                    + "); a failed vote does not adopt the vision");
        }
        String meeting = requireText("boardVote.meetingReference", vote.meetingReference(), MAX_MEETING_REFERENCE);
        return new BoardVote(vote.date(), vote.votesFor(), vote.votesAgainst(), vote.abstentions(), meeting);
    }

    private static void requireNotNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, "must not be negative");
        }
    }

    private static VisionVersion result(VisionRef vision, int draftNumber) {
        return new VisionVersion(vision.districtId(), draftNumber, AggregateLifecycle.getVersion());
    }

    static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value.strip().length() > maxLength) {
            throw new InvalidInputException(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    /** Trimmed; "" when absent or blank. */
    static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? "" : requireText(field, value, maxLength);
    }

    /** What a draft says; validated and trimmed. */
    record Content(String statement, List<String> outcomes, List<String> gaps, String rationale) {

        static Content of(String statement, List<String> outcomes, List<String> gaps, String rationale) {
            return new Content(requireText("statement", statement, MAX_STATEMENT), items("outcomes", outcomes),
                    items("gaps", gaps), requireText("rationale", rationale, MAX_RATIONALE));
        }

        private static List<String> items(String field, List<String> values) {
            if (values == null || values.isEmpty()) {
                throw new InvalidInputException(field, "name at least one");
            }
            if (values.size() > MAX_ITEMS) {
                throw new InvalidInputException(field, "at most " + MAX_ITEMS + " entries");
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                result.add(requireText(field + "[" + i + "]", values.get(i), MAX_ITEM));
            }
            return List.copyOf(result);
        }
    }
}
