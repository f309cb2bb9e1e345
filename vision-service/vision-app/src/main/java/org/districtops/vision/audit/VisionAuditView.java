package org.districtops.vision.audit;

import org.districtops.kit.audit.view.AuditDescriber;
import org.districtops.kit.audit.view.AuditViewPolicy;
import org.districtops.vision.api.*;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * What the vision service shows in the audit view. Public: the adoption of a vision, comment periods, new plans
 * and every change to a plan's targets, baselines, due dates and health (the same facts as the plan's public
 * change log). Restricted to auditors: community comments and their moderation (their authors are residents).
 */
@Configuration(proxyBeanMethods = false)
public class VisionAuditView {

    @Bean
    AuditViewPolicy auditViewPolicy() {
        return new AuditViewPolicy(
                Set.of(VisionAdopted.class, CommentPeriodOpened.class, CommentPeriodClosed.class,
                        StrategicPlanCreated.class, MeasureTargetChanged.class, MeasureBaselineChanged.class,
                        MilestoneDueDateChanged.class, HealthOverridden.class, ReadinessAssessmentCompleted.class),
                Set.of(VisionCommentSubmitted.class, VisionCommentModerated.class));
    }

    @Bean
    AuditDescriber<VisionAdopted> visionAdopted() {
        return AuditDescriber.of(VisionAdopted.class, e -> adopted(e), e -> adopted(e));
    }

    private static String adopted(VisionAdopted e) {
        BoardVote v = e.boardVote();
        return "Vision adopted (draft " + e.draftNumber() + ")" + (v == null
                ? " without a board vote: " + e.waiverReason()
                : " by board vote on " + v.date() + ": " + v.votesFor() + " for, " + v.votesAgainst() + " against, "
                + v.abstentions() + " abstaining");
    }

    @Bean
    AuditDescriber<StrategicPlanCreated> planCreated() {
        return AuditDescriber.of(StrategicPlanCreated.class, e -> created(e), e -> created(e));
    }

    private static String created(StrategicPlanCreated e) {
        return "Strategic plan '" + e.title() + "' created for " + e.startYear() + "–" + e.endYear();
    }

    @Bean
    AuditDescriber<MeasureTargetChanged> targetChanged() {
        return AuditDescriber.of(MeasureTargetChanged.class, e -> target(e), e -> target(e));
    }

    private static String target(MeasureTargetChanged e) {
        return "Target for " + e.year() + " of measure " + e.measureId() + " in plan " + e.planId() + " changed from "
                + (e.previousValue() == null ? "none" : e.previousValue()) + " to " + e.value() + ": " + e.reason();
    }

    @Bean
    AuditDescriber<MeasureBaselineChanged> baselineChanged() {
        return AuditDescriber.of(MeasureBaselineChanged.class, e -> baseline(e), e -> baseline(e));
    }

    private static String baseline(MeasureBaselineChanged e) {
        return "Baseline of measure " + e.measureId() + " in plan " + e.planId() + " changed from " + e.previousValue()
                + " (" + e.previousDate() + ") to " + e.value() + " (" + e.date() + "): " + e.reason();
    }

    @Bean
    AuditDescriber<MilestoneDueDateChanged> dueDateChanged() {
        return AuditDescriber.of(MilestoneDueDateChanged.class, e -> due(e), e -> due(e));
    }

    private static String due(MilestoneDueDateChanged e) {
        return "Due date of milestone " + e.milestoneId() + " in plan " + e.planId() + " moved from " + e.previousDue()
                + " to " + e.due() + ": " + e.reason();
    }

    @Bean
    AuditDescriber<HealthOverridden> healthOverridden() {
        return AuditDescriber.of(HealthOverridden.class, e -> health(e), e -> health(e));
    }

    private static String health(HealthOverridden e) {
        return e.health() == null ? "Health override of " + e.itemId() + " in plan " + e.planId() + " removed"
                : "Health of " + e.itemId() + " in plan " + e.planId() + " set to " + e.health() + ": " + e.reason();
    }

    @Bean
    AuditDescriber<VisionCommentSubmitted> commentSubmitted() {
        // the text stays in the vision draft's moderated view; the audit view only says that a comment came in
        return AuditDescriber.of(VisionCommentSubmitted.class, e -> "Comment " + e.commentId() + " ("
                + e.authorKind() + ") submitted on draft " + e.draftNumber(), null);
    }
}
