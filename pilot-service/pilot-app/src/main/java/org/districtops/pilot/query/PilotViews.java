package org.districtops.pilot.query;

import org.districtops.kit.privacy.SmallCells;
import org.districtops.pilot.api.Decision;
import org.districtops.pilot.api.Evaluation;
import org.districtops.pilot.api.PilotBoardEntry;
import org.districtops.pilot.api.PilotView;
import org.districtops.pilot.api.ProvenModel;
import org.districtops.pilot.evaluation.PilotEvaluator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shapes the stored pilot state into the public view, the staff board and the menu of proven models. */
public final class PilotViews {

    private PilotViews() {
    }

    /** The service's evaluation of the pilot so far; null before criteria are registered. */
    public static Evaluation evaluation(PilotState s) {
        if (s.criteria == null) {
            return null;
        }
        List<PilotEvaluator.Measurement> measurements = new ArrayList<>();
        for (PilotState.Cycle c : s.cycles) {
            for (PilotState.Measurement m : c.measurements) {
                measurements.add(new PilotEvaluator.Measurement(c.cycleId, c.number, m.metricId, m.group, m.value,
                        m.students));
            }
        }
        return PilotEvaluator.evaluate(s.pilotId, s.criteria, measurements);
    }

    static PilotView publicView(PilotState s) {
        return new PilotView(s.pilotId, s.districtId, s.title, s.gap, s.students, s.modelType, s.modelName, s.schoolLevel, s.schools,
                s.classrooms, SmallCells.count(s.cohortSize), s.start, s.end, s.wave, s.modelKey, s.status, s.alignment,
                s.goalIds, s.unknownGoalIds, s.preRegistered, s.criteria,
                s.amendments.stream().map(a -> new PilotView.Amendment(a.at, a.previous, a.criteria, a.reason)).toList(),
                s.launchedOn,
                s.cycles.stream().map(c -> new PilotView.Cycle(c.cycleId, c.number, c.plan, c.measureBy, c.completed,
                        c.observed, c.nextChanges, c.measurements.stream().map(m -> new PilotView.UnitMeasurement(
                                m.metricId, m.group, m.unit,
                                // a unit's value over fewer than 10 (counted) students is withheld
                                m.students > 0 && m.students < SmallCells.DEFAULT_THRESHOLD ? null : m.value,
                                SmallCells.count(m.students))).toList())).toList(),
                s.decisions.stream().map(d -> new PilotView.DecisionRecord(d.at, d.decision, d.rationale,
                        d.evidenceTier)).toList(),
                evaluation(s), s.version);
    }

    static PilotBoardEntry boardEntry(PilotState s) {
        PilotState.Cycle open = s.cycles.stream().filter(c -> !c.completed).findFirst().orElse(null);
        long completed = s.cycles.stream().filter(c -> c.completed).count();
        PilotState.DecisionEntry last = s.decisions.isEmpty() ? null : s.decisions.get(s.decisions.size() - 1);
        boolean running = "LAUNCHED".equals(s.status);
        // a decision is pending once a cycle completed after the last decision
        boolean pending = running && completed > (last == null ? 0 : last.completedCycles);
        return new PilotBoardEntry(s.pilotId, s.title, s.modelName, s.modelKey, s.wave, s.status, s.alignment,
                s.cohortSize, open == null ? null : open.number, open == null ? null : open.cycleId,
                open == null ? null : open.measureBy,
                open == null ? 0 : open.measurements.size(), pending, last == null ? null : last.decision);
    }

    static List<ProvenModel> provenModels(List<PilotState> pilots) {
        Map<String, List<PilotState>> byModel = new LinkedHashMap<>();
        pilots.stream().sorted(Comparator.comparingInt((PilotState s) -> s.wave))
                .forEach(s -> byModel.computeIfAbsent(s.modelKey, k -> new ArrayList<>()).add(s));
        List<ProvenModel> models = new ArrayList<>();
        byModel.forEach((key, waves) -> {
            boolean proven = waves.stream().anyMatch(s -> s.decisions.stream().anyMatch(d -> d.decision == Decision.SCALE));
            if (!proven) {
                return;
            }
            PilotState first = waves.get(0);
            List<ProvenModel.Wave> entries = waves.stream().map(s -> {
                PilotState.DecisionEntry last = s.decisions.isEmpty() ? null : s.decisions.get(s.decisions.size() - 1);
                Evaluation evaluation = evaluation(s);
                return new ProvenModel.Wave(s.wave, s.pilotId, s.title, s.schoolLevel, s.schools, SmallCells.count(s.cohortSize),
                        s.status, last == null ? null : last.decision, last == null ? null : last.evidenceTier,
                        s.amendments.size(), evaluation == null ? List.of() : evaluation.metrics());
            }).toList();
            int best = entries.stream().filter(w -> w.evidenceTier() != null).mapToInt(ProvenModel.Wave::evidenceTier)
                    .min().orElse(4);
            models.add(new ProvenModel(key, first.districtId, first.modelName, first.modelType, best, entries));
        });
        return models;
    }
}
