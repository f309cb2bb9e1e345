package org.districtops.pd.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.kit.readside.ReadSideGuard;
import org.districtops.pd.api.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pathways: when an educator holds every badge a pathway badge requires, it is awarded automatically (route
 * PATHWAY). Keeps its own state (pathway requirements, badges held per educator) so it never waits on another
 * projection. Idempotent: the award id is derived from (educator, badge) and the Award aggregate accepts an
 * automatic award only once, so redelivered or re-processed events cannot award twice or undo a revocation.
 */
@Component
@ProcessingGroup("pathways")
public class PathwayAwarder {

    private static final Logger log = LoggerFactory.getLogger(PathwayAwarder.class);

    private final MongoCollection<Document> pathways;
    private final MongoCollection<Document> holdings;
    private final CommandSender commands;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pathway-awards");
        t.setDaemon(true);
        return t;
    });

    public PathwayAwarder(MongoDatabase readSideDatabase, ReadSideGuard readSideGuard, CommandSender commands) {
        this.pathways = readSideDatabase.getCollection("pathway_badges");
        pathways.createIndex(Indexes.ascending("districtId"));
        this.holdings = readSideDatabase.getCollection("pathway_holdings");
        this.commands = commands;
    }

    @EventHandler
    void on(BadgeDefined e) {
        terms(e.districtId(), e.badgeId(), e.version(), e.terms());
    }

    @EventHandler
    void on(BadgeRevised e) {
        terms(e.districtId(), e.badgeId(), e.version(), e.terms());
    }

    @EventHandler
    void on(BadgeRetired e) {
        pathways.updateOne(Filters.eq("_id", new BadgeRef(e.districtId(), e.badgeId()).toString()),
                Updates.set("retired", true));
    }

    private void terms(String districtId, String badgeId, int version, BadgeTerms terms) {
        pathways.replaceOne(Filters.eq("_id", new BadgeRef(districtId, badgeId).toString()),
                new Document("districtId", districtId).append("badgeId", badgeId).append("badgeVersion", version)
                        .append("required", terms.requiredBadgeIds()).append("evidenceRequired", terms.evidenceRequired())
                        .append("validityDays", terms.validityDays()).append("retired", false),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(BadgeAwarded e) {
        Document held = holdings.findOneAndUpdate(Filters.eq("_id", new EducatorRef(e.districtId(), e.educatorId()).toString()),
                Updates.combine(Updates.set("districtId", e.districtId()), Updates.set("awards." + e.awardId(), e.badgeId())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        Set<String> badges = new HashSet<>();
        Document awards = held.get("awards", Document.class);
        awards.values().forEach(b -> badges.add((String) b));
        for (Document pathway : pathways.find(Filters.eq("districtId", e.districtId()))) {
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) pathway.get("required", List.class);
            String badgeId = pathway.getString("badgeId");
            if (required == null || required.isEmpty() || pathway.getBoolean("retired", false)
                    || badges.contains(badgeId) || !badges.containsAll(required)) {
                continue;
            }
            award(e.districtId(), e.educatorId(), pathway, required);
        }
    }

    @EventHandler
    void on(AwardRevoked e) {
        holdings.updateOne(Filters.exists("awards." + e.awardId()), Updates.unset("awards." + e.awardId()));
    }

    private void award(String districtId, String educatorId, Document pathway, List<String> required) {
        String badgeId = pathway.getString("badgeId");
        Integer validity = pathway.getInteger("validityDays");
        BadgeVersionTerms terms = new BadgeVersionTerms(badgeId, pathway.getInteger("badgeVersion"),
                pathway.getBoolean("evidenceRequired", false), validity, false);
        Evidence evidence = new Evidence(null, "Holds every required badge: " + String.join(", ", required));
        AwardBadge command = new AwardBadge(new AwardRef(districtId, AwardIds.of(educatorId, badgeId)), educatorId,
                terms, evidence, Instant.now(), AwardRoute.PATHWAY);
        try {
            // sent from another thread: the command gets its own unit of work and transaction, so a refusal
            // (already awarded) cannot mark this handler's work for rollback; waiting keeps at-least-once
            CompletableFuture.runAsync(() -> commands.send(command, new Actor("pd-service", "system", districtId)),
                    sender).join();
            log.info("Pathway badge {} awarded to educator {}", badgeId, educatorId);
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof StateConflictException)) {
                throw e;
            }
            log.debug("Pathway badge {} for {} not awarded: {}", badgeId, educatorId, e.getCause().getMessage());
        }
    }

    /** For tests: the badges the handler believes an educator holds. */
    List<String> held(String districtId, String educatorId) {
        Document d = holdings.find(Filters.eq("_id", new EducatorRef(districtId, educatorId).toString())).first();
        return d == null ? List.of() : new ArrayList<>(((Map<String, Object>) d.get("awards", Document.class)).values()
                .stream().map(Object::toString).toList());
    }
}
