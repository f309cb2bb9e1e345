package org.districtops.pilot.query;

import org.districtops.pilot.api.AlignmentStatus;
import org.districtops.pilot.api.Decision;
import org.districtops.pilot.api.Group;
import org.districtops.pilot.api.ModelType;
import org.districtops.pilot.api.SchoolLevel;
import org.districtops.pilot.api.SuccessCriteria;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the read side knows about one pilot, stored as one MongoDB document (mapped as JSON). Internal to
 * the projection; public shapes are the records in pilot-api.
 */
public class PilotState {

    public String id;
    public String districtId;
    public String pilotId;
    public String title;
    public String gap;
    public String students;
    public ModelType modelType;
    public String modelName;
    public SchoolLevel schoolLevel;
    public List<String> schools = new ArrayList<>();
    public int classrooms;
    public int cohortSize;
    public LocalDate start;
    public LocalDate end;
    public int wave;
    public String modelKey;
    public String status;
    public AlignmentStatus alignment;
    public List<String> goalIds = new ArrayList<>();
    public List<String> unknownGoalIds = new ArrayList<>();
    public SuccessCriteria preRegistered;
    public SuccessCriteria criteria;
    public List<Amendment> amendments = new ArrayList<>();
    public LocalDate launchedOn;
    public List<Cycle> cycles = new ArrayList<>();
    public List<DecisionEntry> decisions = new ArrayList<>();
    public Instant proposedAt;
    public long version;

    public static class Amendment {
        public Instant at;
        public SuccessCriteria previous;
        public SuccessCriteria criteria;
        public String reason;
    }

    public static class Cycle {
        public String cycleId;
        public int number;
        public String plan;
        public LocalDate measureBy;
        public boolean completed;
        public String observed;
        public String nextChanges;
        public List<Measurement> measurements = new ArrayList<>();
    }

    public static class Measurement {
        public String metricId;
        public Group group;
        public String unit;
        public double value;
        public int students;
    }

    public static class DecisionEntry {
        public Instant at;
        public Decision decision;
        public String rationale;
        public int evidenceTier;
        /** Cycles completed when the decision was taken: a later completed cycle awaits a new decision. */
        public long completedCycles;
    }

    Cycle cycle(String cycleId) {
        return cycles.stream().filter(c -> c.cycleId.equals(cycleId)).findFirst().orElseThrow();
    }
}
