package org.districtops.vision.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.vision.api.BoardVote;
import org.districtops.vision.api.CommentAuthorKind;
import org.districtops.vision.api.CommentPeriodClosed;
import org.districtops.vision.api.CommentPeriodOpened;
import org.districtops.vision.api.FetchVisionDraft;
import org.districtops.vision.api.FindPublicVision;
import org.districtops.vision.api.FindPublicVisionDraft;
import org.districtops.vision.api.PublicVisionDraftView;
import org.districtops.vision.api.PublicVisionView;
import org.districtops.vision.api.VisionAdopted;
import org.districtops.vision.api.VisionCommentModerated;
import org.districtops.vision.api.VisionCommentSubmitted;
import org.districtops.vision.api.VisionDraftRevised;
import org.districtops.vision.api.VisionDraftView;
import org.districtops.vision.api.VisionDrafted;
import org.districtops.vision.api.VisionRef;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * District visions in MongoDB, for the public page and for district leaders. One collection holds two kinds of
 * document: the vision ({@code _id} = {@code <district>/vision}: draft in progress, latest comment period,
 * adopted vision and its history) and one document per comment ({@code <district>/vision/comments/<id>}), so a
 * large consultation never approaches the document size limit.
 * <p>
 * Idempotent under at-least-once delivery: every document stores as {@code version} the sequence number of the
 * last event applied to it, and a write only replaces a document whose version is older. Events of one vision
 * are handled in order by one thread, so the read-then-replace below has no competing writer.
 */
@Component
@ProcessingGroup(PublicVisionProjection.PROCESSING_GROUP)
public class PublicVisionProjection {

    public static final String PROCESSING_GROUP = "public-vision";
    static final String COLLECTION = "public_vision";
    private static final String VISION = "vision";
    private static final String COMMENT = "comment";
    private static final String PENDING = VisionDraftView.Moderation.PENDING.name();

    private final MongoCollection<Document> visions;

    /** Takes the guard so a stale read side is dropped before the index is made. */
    public PublicVisionProjection(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard) {
        this.visions = readSideDatabase.getCollection(COLLECTION);
        visions.createIndex(Indexes.ascending("districtId"));
    }

    @EventHandler
    void on(VisionDrafted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(visionId(event.districtId()), event.districtId(), VISION, sequence, vision -> {
            vision.put("draft", content(event.statement(), event.outcomes(), event.gaps(), event.rationale())
                    .append("draftNumber", event.draftNumber())
                    .append("revisions", new ArrayList<Document>())
                    .append("startedAt", Date.from(at))
                    .append("updatedAt", Date.from(at)));
            vision.putIfAbsent("history", new ArrayList<Document>());
        });
    }

    @EventHandler
    void on(VisionDraftRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(visionId(event.districtId()), event.districtId(), VISION, sequence, vision -> {
            Document draft = vision.get("draft", Document.class);
            if (draft != null && number(draft, "draftNumber") == event.draftNumber()) {
                draft.putAll(content(event.statement(), event.outcomes(), event.gaps(), event.rationale()));
                draft.getList("revisions", Document.class)
                        .add(new Document("summary", event.summary()).append("revisedAt", Date.from(at)));
                draft.put("updatedAt", Date.from(at));
            }
        });
    }

    @EventHandler
    void on(CommentPeriodOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(visionId(event.districtId()), event.districtId(), VISION, sequence, vision ->
                vision.put("period", new Document("periodNumber", event.periodNumber())
                        .append("draftNumber", event.draftNumber())
                        .append("closesOn", event.closesOn().toString())
                        .append("open", true)
                        .append("openedAt", Date.from(at))
                        .append("closedAt", null)));
    }

    @EventHandler
    void on(CommentPeriodClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(visionId(event.districtId()), event.districtId(), VISION, sequence, vision -> {
            Document period = vision.get("period", Document.class);
            if (period != null && number(period, "periodNumber") == event.periodNumber()) {
                period.put("open", false);
                period.put("closedAt", Date.from(at));
            }
        });
    }

    @EventHandler
    void on(VisionCommentSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(commentId(event.districtId(), event.commentId()), event.districtId(), COMMENT, sequence, comment ->
                comment.append("commentId", event.commentId())
                        .append("draftNumber", event.draftNumber())
                        .append("periodNumber", event.periodNumber())
                        .append("authorKind", event.authorKind().name())
                        .append("text", event.text())
                        .append("submittedAt", Date.from(at))
                        .append("moderation", PENDING)
                        .append("moderationReason", "")
                        .append("moderatedAt", null));
        touch(event.districtId(), sequence);
    }

    @EventHandler
    void on(VisionCommentModerated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(commentId(event.districtId(), event.commentId()), event.districtId(), COMMENT, sequence, comment ->
                comment.append("moderation", event.decision().name())
                        .append("moderationReason", event.reason())
                        .append("moderatedAt", Date.from(at)));
        touch(event.districtId(), sequence);
    }

    @EventHandler
    void on(VisionAdopted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(visionId(event.districtId()), event.districtId(), VISION, sequence, vision -> {
            Document draft = vision.get("draft", Document.class);
            List<Document> revisions = draft != null && number(draft, "draftNumber") == event.draftNumber()
                    ? draft.getList("revisions", Document.class) : List.of();
            BoardVote vote = event.boardVote();
            Document adopted = content(event.statement(), event.outcomes(), event.gaps(), event.rationale())
                    .append("draftNumber", event.draftNumber())
                    .append("adoptedOn", vote.date().toString())
                    .append("boardVote", new Document("date", vote.date().toString())
                            .append("votesFor", vote.votesFor())
                            .append("votesAgainst", vote.votesAgainst())
                            .append("abstentions", vote.abstentions())
                            .append("meetingReference", vote.meetingReference()))
                    .append("waiverReason", event.waiverReason())
                    .append("revisions", new ArrayList<>(revisions))
                    .append("recordedAt", Date.from(at));
            vision.put("adopted", adopted);
            List<Document> history = new ArrayList<>(Objects.requireNonNullElse(
                    vision.getList("history", Document.class), List.of()));
            history.add(adopted);
            vision.put("history", history);
            vision.put("draft", null);
        });
    }

    @QueryHandler
    public Optional<PublicVisionView> handle(FindPublicVision query) {
        Document vision = vision(query.districtId());
        if (vision == null || vision.get("adopted", Document.class) == null) {
            return Optional.empty();
        }
        Document adopted = vision.get("adopted", Document.class);
        Document period = vision.get("period", Document.class);
        return Optional.of(new PublicVisionView(query.districtId(), number(adopted, "draftNumber"),
                adopted.getString("statement"), strings(adopted, "outcomes"), strings(adopted, "gaps"),
                adopted.getString("rationale"), LocalDate.parse(adopted.getString("adoptedOn")),
                boardVote(adopted.get("boardVote", Document.class)), blankToNull(adopted.getString("waiverReason")),
                vision.getList("history", Document.class).stream().map(PublicVisionProjection::adoptedVersion).toList(),
                period == null ? null : publicPeriod(period),
                period == null ? List.of() : approvedComments(query.districtId(), number(period, "periodNumber")),
                version(vision)));
    }

    @QueryHandler
    public Optional<PublicVisionDraftView> handle(FindPublicVisionDraft query) {
        Document vision = vision(query.districtId());
        Document draft = vision == null ? null : vision.get("draft", Document.class);
        Document period = vision == null ? null : vision.get("period", Document.class);
        if (draft == null || period == null || number(period, "draftNumber") != number(draft, "draftNumber")) {
            return Optional.empty(); // a draft becomes public when it is first put out for comment
        }
        return Optional.of(new PublicVisionDraftView(query.districtId(), number(draft, "draftNumber"),
                draft.getString("statement"), strings(draft, "outcomes"), strings(draft, "gaps"),
                draft.getString("rationale"), publicPeriod(period),
                approvedComments(query.districtId(), number(period, "periodNumber")), version(vision)));
    }

    @QueryHandler
    public Optional<VisionDraftView> handle(FetchVisionDraft query) {
        Document vision = vision(query.districtId());
        Document draft = vision == null ? null : vision.get("draft", Document.class);
        if (draft == null) {
            return Optional.empty();
        }
        int draftNumber = number(draft, "draftNumber");
        Document period = vision.get("period", Document.class);
        VisionDraftView.CommentPeriod commentPeriod = period == null || number(period, "draftNumber") != draftNumber
                ? null
                : new VisionDraftView.CommentPeriod(number(period, "periodNumber"),
                        LocalDate.parse(period.getString("closesOn")), period.getBoolean("open"),
                        instant(period, "openedAt"), instant(period, "closedAt"));
        List<VisionDraftView.Comment> comments = new ArrayList<>();
        visions.find(Filters.and(Filters.eq("districtId", query.districtId()), Filters.eq("type", COMMENT),
                        Filters.eq("draftNumber", draftNumber)))
                .sort(Sorts.ascending("submittedAt"))
                .forEach(c -> comments.add(new VisionDraftView.Comment(c.getString("commentId"),
                        number(c, "periodNumber"), CommentAuthorKind.valueOf(c.getString("authorKind")),
                        c.getString("text"), instant(c, "submittedAt"),
                        VisionDraftView.Moderation.valueOf(c.getString("moderation")),
                        c.getString("moderationReason"), instant(c, "moderatedAt"))));
        return Optional.of(new VisionDraftView(query.districtId(), draftNumber, draft.getString("statement"),
                strings(draft, "outcomes"), strings(draft, "gaps"), draft.getString("rationale"),
                revisions(draft), commentPeriod, comments, instant(draft, "startedAt"), instant(draft, "updatedAt"),
                version(vision)));
    }

    /**
     * Applies {@code change} to the document unless it already reflects this event, then stores it with the
     * event's sequence number as its version (creating it on first use).
     */
    private void change(String id, String districtId, String type, long sequence, Consumer<Document> change) {
        Document document = visions.find(Filters.eq("_id", id)).first();
        if (document == null) {
            document = new Document("_id", id).append("districtId", districtId).append("type", type);
        } else if (version(document) >= sequence) {
            return; // already applied: a redelivery or a replay into a current projection
        }
        change.accept(document);
        document.put("version", sequence);
        Bson olderVersion = Filters.and(Filters.eq("_id", id), Filters.lt("version", sequence));
        try {
            visions.replaceOne(olderVersion, document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the document appeared with this or a newer version in the meantime: nothing left to apply
        }
    }

    /** Every event of the vision moves its version, so the draft view's version is the aggregate's. */
    private void touch(String districtId, long sequence) {
        change(visionId(districtId), districtId, VISION, sequence, vision -> {
        });
    }

    private Document vision(String districtId) {
        return visions.find(Filters.eq("_id", visionId(districtId))).first();
    }

    private List<PublicVisionView.Comment> approvedComments(String districtId, int periodNumber) {
        List<PublicVisionView.Comment> result = new ArrayList<>();
        visions.find(Filters.and(Filters.eq("districtId", districtId), Filters.eq("type", COMMENT),
                        Filters.eq("periodNumber", periodNumber),
                        Filters.eq("moderation", VisionDraftView.Moderation.APPROVED.name())))
                .sort(Sorts.ascending("submittedAt"))
                .forEach(c -> result.add(new PublicVisionView.Comment(c.getString("text"),
                        CommentAuthorKind.valueOf(c.getString("authorKind")), instant(c, "submittedAt"))));
        return result;
    }

    private static String visionId(String districtId) {
        return new VisionRef(districtId).toString();
    }

    private static String commentId(String districtId, String commentId) {
        return visionId(districtId) + "/comments/" + commentId;
    }

    private static Document content(String statement, List<String> outcomes, List<String> gaps, String rationale) {
        return new Document("statement", statement).append("outcomes", outcomes).append("gaps", gaps)
                .append("rationale", rationale);
    }

    private static PublicVisionView.AdoptedVersion adoptedVersion(Document d) {
        return new PublicVisionView.AdoptedVersion(number(d, "draftNumber"), d.getString("statement"),
                strings(d, "outcomes"), strings(d, "gaps"), d.getString("rationale"),
                LocalDate.parse(d.getString("adoptedOn")), boardVote(d.get("boardVote", Document.class)),
                blankToNull(d.getString("waiverReason")), revisions(d));
    }

    private static PublicVisionView.CommentPeriod publicPeriod(Document period) {
        return new PublicVisionView.CommentPeriod(number(period, "periodNumber"), number(period, "draftNumber"),
                LocalDate.parse(period.getString("closesOn")), period.getBoolean("open"));
    }

    private static List<PublicVisionView.Revision> revisions(Document d) {
        return d.getList("revisions", Document.class).stream()
                .map(r -> new PublicVisionView.Revision(r.getString("summary"), instant(r, "revisedAt")))
                .toList();
    }

    private static BoardVote boardVote(Document v) {
        return new BoardVote(LocalDate.parse(v.getString("date")), number(v, "votesFor"), number(v, "votesAgainst"),
                number(v, "abstentions"), v.getString("meetingReference"));
    }

    private static List<String> strings(Document d, String key) {
        return List.copyOf(d.getList(key, String.class));
    }

    private static int number(Document d, String key) {
        return ((Number) d.get(key)).intValue();
    }

    private static long version(Document d) {
        Object version = d.get("version");
        return version == null ? -1 : ((Number) version).longValue();
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
