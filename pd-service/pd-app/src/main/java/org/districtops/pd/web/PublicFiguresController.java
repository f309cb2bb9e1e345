package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.privacy.SmallCells;
import org.districtops.pd.api.AwardView;
import org.districtops.pd.api.BadgeView;
import org.districtops.pd.api.FindAwards;
import org.districtops.pd.api.FindCatalog;
import org.districtops.pd.query.AwardProjection;
import org.districtops.pd.query.BadgeProjection;
import org.districtops.pd.query.EducatorProjection;
import org.districtops.vision.api.GoalSummary;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;

/**
 * Public PD figures, aggregates only: educators holding each badge, and per school the educators with a badge
 * and their PD hours, and per condition for scale (of the plan goals the badges align to) the educators and PD
 * hours. Counts below 10 show as "&lt;10", larger counts as bands of 10 and hours as bands of 100
 * ({@link SmallCells}: no difference of two answers reveals a group under 10); when a table has exactly one such
 * cell, the next smallest is also withheld ("suppressed") so the hidden count cannot be derived from the total.
 */
@RestController
@Validated
public class PublicFiguresController {

    static final String SUPPRESSED = "suppressed";

    private final AwardProjection awards;
    private final BadgeProjection badges;
    private final EducatorProjection educators;
    private final VisionGoalsClient visionGoals;

    public PublicFiguresController(AwardProjection awards, BadgeProjection badges, EducatorProjection educators,
                                   VisionGoalsClient visionGoals) {
        this.awards = awards;
        this.badges = badges;
        this.educators = educators;
        this.visionGoals = visionGoals;
    }

    @Operation(summary = "Aggregate PD figures of the district, small cells suppressed")
    @GetMapping("/public/districts/{districtId}/pd-figures")
    public Map<String, Object> figures(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        Map<String, BadgeView> catalog = new HashMap<>();
        badges.handle(new FindCatalog(districtId)).forEach(b -> catalog.put(b.badgeId(), b));
        Map<String, List<String>> schoolsOf = new HashMap<>();
        educators.district(districtId).forEach(e -> schoolsOf.put(e.educatorId, e.schoolIds));
        Map<String, String> schoolNames = new HashMap<>();
        educators.schools(districtId).forEach(s -> schoolNames.put(s.schoolId, s.name));

        // conditions for scale come from the plan goals badges align to (vision-service; last known list as fallback)
        Optional<List<GoalSummary>> goals = visionGoals.fetch(districtId).or(() -> visionGoals.lastKnown(districtId));
        Map<String, List<String>> conditionsOfGoal = new HashMap<>();
        goals.orElse(List.of()).forEach(g -> conditionsOfGoal.put(g.goalId(),
                g.conditions() == null ? List.of() : g.conditions().stream().map(Enum::name).toList()));
        Map<String, Set<String>> holdersByCondition = new LinkedHashMap<>();
        Map<String, Double> hoursByCondition = new HashMap<>();
        Map<String, Set<String>> holdersByBadge = new LinkedHashMap<>();
        Map<String, Set<String>> holdersBySchool = new LinkedHashMap<>();
        Map<String, Double> hoursBySchool = new HashMap<>();
        Set<String> holders = new HashSet<>();
        for (AwardView a : awards.handle(new FindAwards(districtId, null))) {
            if (!"AWARDED".equals(a.status()) || a.expired()) {
                continue;
            }
            holders.add(a.educatorId());
            holdersByBadge.computeIfAbsent(a.badgeId(), k -> new HashSet<>()).add(a.educatorId());
            BadgeView badge = catalog.get(a.badgeId());
            double hours = badge == null || badge.at(a.badgeVersion()) == null ? 0 : badge.at(a.badgeVersion()).terms().pdHours();
            Set<String> conditions = new HashSet<>();
            if (badge != null && badge.at(a.badgeVersion()) != null) {
                badge.at(a.badgeVersion()).terms().goalIds().forEach(g -> conditions.addAll(conditionsOfGoal.getOrDefault(g, List.of())));
            }
            for (String condition : conditions) {
                holdersByCondition.computeIfAbsent(condition, k -> new HashSet<>()).add(a.educatorId());
                hoursByCondition.merge(condition, hours, Double::sum);
            }
            for (String school : schoolsOf.getOrDefault(a.educatorId(), List.of())) {
                holdersBySchool.computeIfAbsent(school, k -> new HashSet<>()).add(a.educatorId());
                hoursBySchool.merge(school, hours, Double::sum);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtId", districtId);
        body.put("educatorsWithABadge", SmallCells.count(holders.size()));
        body.put("byBadge", table(holdersByBadge, k -> catalog.containsKey(k) ? catalog.get(k).current().terms().name() : k,
                "badgeId", "badge", Map.of()));
        body.put("bySchool", table(holdersBySchool, k -> schoolNames.getOrDefault(k, k), "schoolId", "school", hoursBySchool));
        body.put("byCondition", goals.isPresent()
                ? table(holdersByCondition, k -> k, "condition", "conditionName", hoursByCondition) : "unavailable");
        body.put("note", "Counts below " + SmallCells.DEFAULT_THRESHOLD + " show as \"<" + SmallCells.DEFAULT_THRESHOLD
                + "\", larger ones as bands (\"10-19\") and hours as bands of " + SmallCells.HOURS_BAND
                + ", so that no difference between two answers reveals a small group; a second cell is withheld (\""
                + SUPPRESSED + "\") where one hidden count could be derived from the total.");
        return body;
    }

    private static List<Map<String, Object>> table(Map<String, Set<String>> groups, java.util.function.Function<String, String> label,
                                                   String idKey, String labelKey, Map<String, Double> hours) {
        List<Map.Entry<String, Set<String>>> rows = new ArrayList<>(groups.entrySet());
        rows.sort(Comparator.comparing(e -> e.getValue().size()));
        long small = rows.stream().filter(e -> e.getValue().size() < SmallCells.DEFAULT_THRESHOLD).count();
        String complementary = null;
        if (small == 1) {
            complementary = rows.stream().filter(e -> e.getValue().size() >= SmallCells.DEFAULT_THRESHOLD)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> row : rows) {
            int n = row.getValue().size();
            boolean withheld = row.getKey().equals(complementary);
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put(idKey, row.getKey());
            cell.put(labelKey, label.apply(row.getKey()));
            cell.put("educators", withheld ? SUPPRESSED : SmallCells.count(n));
            if (hours.containsKey(row.getKey())) {
                cell.put("pdHours", withheld || n < SmallCells.DEFAULT_THRESHOLD ? SUPPRESSED
                        : SmallCells.hours(hours.get(row.getKey())));
            }
            out.add(cell);
        }
        out.sort(Comparator.comparing(m -> String.valueOf(m.get(labelKey))));
        return out;
    }
}
