package org.districtops.vision.query;

import org.bson.Document;
import org.districtops.vision.api.PlanAttention;
import org.districtops.vision.api.PlanDashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.districtops.vision.query.PublicPlanProjection.list;

/** The superintendent's list of what needs attention, from the same dated data as the public dashboard. */
final class PlanAttentions {

    static final int RECENT_UPDATES = 20;

    private PlanAttentions() {
    }

    static PlanAttention asOf(Document plan, LocalDate asOf) {
        List<PlanAttention.Item> stale = new ArrayList<>();
        List<PlanAttention.Item> overdue = new ArrayList<>();
        Map<String, int[]> load = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<PlanAttention.RecentUpdate> recent = new ArrayList<>();
        for (Document goal : list(plan, "goals")) {
            for (Document m : list(goal, "milestones")) {
                PlanDashboard.Milestone status = PlanDashboards.milestone(m, asOf);
                String ownerId = m.getString("ownerId");
                names.put(ownerId, m.getString("ownerName"));
                int[] counts = load.computeIfAbsent(ownerId, k -> new int[3]);
                PlanAttention.Item item = new PlanAttention.Item(status.milestoneId(), status.title(), ownerId,
                        status.ownerName(), status.due(), status.lastUpdateOn(), status.percentComplete(),
                        m.getInteger("updateCadenceDays"));
                boolean open = status.percentComplete() == null || status.percentComplete() < 100;
                if (open) {
                    counts[0]++;
                }
                if (status.stale()) {
                    stale.add(item);
                    counts[1]++;
                }
                if (status.overdue()) {
                    overdue.add(item);
                    counts[2]++;
                }
                for (Document u : list(m, "updates")) {
                    LocalDate on = PlanDocuments.date(u, "asOf");
                    if (!on.isAfter(asOf)) {
                        recent.add(new PlanAttention.RecentUpdate(on, status.milestoneId(), status.title(),
                                status.ownerName(), u.getInteger("percentComplete"), u.getString("narrative")));
                    }
                }
            }
        }
        recent.sort(Comparator.comparing(PlanAttention.RecentUpdate::asOf).reversed());
        List<PlanAttention.OwnerLoad> owners = load.entrySet().stream()
                .map(e -> new PlanAttention.OwnerLoad(e.getKey(), names.get(e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(PlanAttention.OwnerLoad::openMilestones).reversed())
                .toList();
        stale.sort(Comparator.comparing(PlanAttention.Item::due));
        overdue.sort(Comparator.comparing(PlanAttention.Item::due));
        return new PlanAttention(plan.getString("planId"), asOf, stale, overdue, owners,
                recent.subList(0, Math.min(RECENT_UPDATES, recent.size())));
    }
}
