package org.districtops.vision.query;

import org.bson.Document;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.Direction;
import org.districtops.vision.api.MilestoneStatus;
import org.districtops.vision.api.PublicPlanView;
import org.districtops.vision.api.YearTarget;

import java.time.LocalDate;
import java.util.List;

import static org.districtops.vision.query.PublicPlanProjection.list;

/** Maps a plan document to its public view: accountable staff by name only, never by account id. */
final class PlanDocuments {

    private PlanDocuments() {
    }

    static PublicPlanView toView(Document d) {
        return new PublicPlanView(d.getString("planId"), d.getString("districtId"), d.getString("title"),
                d.getInteger("startYear"), d.getInteger("endYear"),
                list(d, "goals").stream().map(PlanDocuments::goal).toList(),
                list(d, "changes").stream().map(PlanDocuments::change).toList(),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }

    static PublicPlanView.Goal goal(Document g) {
        return new PublicPlanView.Goal(g.getString("goalId"), g.getString("title"), g.getString("description"),
                conditions(g),
                list(g, "measures").stream().map(PlanDocuments::measure).toList(),
                list(g, "milestones").stream().map(PlanDocuments::milestone).toList());
    }

    static List<DistrictCondition> conditions(Document g) {
        return g.getList("conditions", String.class).stream().map(DistrictCondition::valueOf).toList();
    }

    static PublicPlanView.Measure measure(Document m) {
        return new PublicPlanView.Measure(m.getString("measureId"), m.getString("name"), m.getString("unit"),
                Direction.valueOf(m.getString("direction")), m.getDouble("baselineValue"), date(m, "baselineDate"),
                list(m, "targets").stream().map(t -> new YearTarget(t.getInteger("year"), t.getDouble("value"))).toList(),
                list(m, "values").stream().map(v -> new PublicPlanView.MeasureValue(date(v, "asOf"),
                        v.getDouble("value"), v.getString("narrative"))).toList());
    }

    static PublicPlanView.Milestone milestone(Document m) {
        return new PublicPlanView.Milestone(m.getString("milestoneId"), m.getString("title"),
                m.getString("ownerName"), m.getList("collaborators", String.class), date(m, "start"), date(m, "due"),
                m.getInteger("weight"), m.getInteger("updateCadenceDays"),
                list(m, "updates").stream().map(u -> new PublicPlanView.ProgressUpdate(date(u, "asOf"),
                        u.getInteger("percentComplete"), MilestoneStatus.valueOf(u.getString("status")),
                        u.getString("narrative"))).toList());
    }

    static PublicPlanView.Change change(Document c) {
        return new PublicPlanView.Change(c.getDate("at").toInstant(), c.getString("kind"), c.getString("itemId"),
                c.getString("itemName"), c.getString("from"), c.getString("to"), c.getString("reason"));
    }

    static LocalDate date(Document d, String key) {
        return LocalDate.parse(d.getString(key));
    }
}
