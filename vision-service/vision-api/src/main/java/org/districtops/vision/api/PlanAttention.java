package org.districtops.vision.api;

import java.time.LocalDate;
import java.util.List;

/**
 * For the superintendent (not public): milestones whose owner missed the reporting cadence (plus grace),
 * milestones past due and unfinished, each owner's open milestones, and the latest dated updates.
 */
public record PlanAttention(String planId, LocalDate asOf, List<Item> stale, List<Item> overdue,
                            List<OwnerLoad> owners, List<RecentUpdate> recentUpdates) {

    public record Item(String milestoneId, String title, String ownerId, String ownerName, LocalDate due,
                       LocalDate lastUpdateOn, Integer percentComplete, int updateCadenceDays) {
    }

    public record OwnerLoad(String ownerId, String ownerName, int openMilestones, int stale, int overdue) {
    }

    public record RecentUpdate(LocalDate asOf, String milestoneId, String title, String ownerName,
                               int percentComplete, String narrative) {
    }
}
