package org.districtops.pilot.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.pilot.api.*;

import org.districtops.pilot.evaluation.PilotEvaluator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A personalized-learning pilot: proposed, its success criteria pre-registered, launched (criteria locked,
 * changed only by public amendment), iterated in cycles with aggregate measurements, then decided.
 */
@Aggregate
public class Pilot {

    enum Status { PROPOSED, LAUNCHED, SCALED, STOPPED }

    @AggregateIdentifier
    private String id;
    private PilotRef ref;
    private Status status;
    private AlignmentStatus alignment;
    private SuccessCriteria criteria;
    private String openCycleId;
    private final Set<String> cycleIds = new HashSet<>();
    private int cycles;
    private int completedCycles;
    /** Measurements kept for the evaluation a decision records (aggregate numbers, a few per cycle). */
    private final List<PilotEvaluator.Measurement> measurements = new ArrayList<>();

    protected Pilot() {
        // for Axon
    }

    @CommandHandler
    public Pilot(ProposePilot c) {
        Checks.text("title", c.title(), 200);
        Checks.text("gap", c.gap(), 2000);
        Checks.text("students", c.students(), 500);
        Checks.required("modelType", c.modelType());
        Checks.text("modelName", c.modelName(), 200);
        Checks.required("schoolLevel", c.schoolLevel());
        if (c.schools() == null || c.schools().isEmpty() || c.schools().size() > 50) {
            throw new InvalidInputException("schools", "name 1 to 50 schools");
        }
        for (int i = 0; i < c.schools().size(); i++) {
            Checks.text("schools[" + i + "]", c.schools().get(i), 200);
        }
        if (c.classrooms() < 1) {
            throw new InvalidInputException("classrooms", "must be at least 1");
        }
        if (c.cohortSize() < 1) {
            throw new InvalidInputException("cohortSize", "must be at least 1");
        }
        Checks.required("start", c.start());
        if (c.end() == null || !c.end().isAfter(c.start())) {
            throw new InvalidInputException("end", "must be after start");
        }
        List<String> goals = c.goalIds() == null ? List.of() : List.copyOf(c.goalIds());
        if (goals.size() > 10) {
            throw new InvalidInputException("goalIds", "at most 10 goals");
        }
        apply(new PilotProposed(c.pilot().districtId(), c.pilot().pilotId(), c.title().strip(), c.gap().strip(),
                c.students().strip(), c.modelType(), c.modelName().strip(), c.schoolLevel(), c.schools().stream().map(String::strip).toList(),
                c.classrooms(), c.cohortSize(), c.start(), c.end(), goals, c.alignment(),
                c.adoptsModelOf() == null ? c.pilot().pilotId() : c.adoptsModelOf(), Math.max(1, c.wave())));
    }

    @CommandHandler
    public void handle(CheckPilotAlignment c) {
        if (c.alignment() != alignment) {
            apply(new PilotAlignmentChecked(ref.districtId(), ref.pilotId(), c.alignment(),
                    c.unknownGoalIds() == null ? List.of() : List.copyOf(c.unknownGoalIds())));
        }
    }

    @CommandHandler
    public void handle(PreRegisterCriteria c) {
        if (status != Status.PROPOSED) {
            throw new StateConflictException("The criteria are locked since launch; amend them with a reason instead.");
        }
        Checks.criteria(c.criteria());
        apply(new CriteriaPreRegistered(ref.districtId(), ref.pilotId(), c.criteria()));
    }

    @CommandHandler
    public void handle(AmendCriteria c) {
        if (status == Status.PROPOSED) {
            throw new StateConflictException("Before launch, pre-register the criteria again; amendments are for after launch.");
        }
        Checks.text("reason", c.reason(), 1000);
        Checks.criteria(c.criteria());
        apply(new CriteriaAmended(ref.districtId(), ref.pilotId(), criteria, c.criteria(), c.reason().strip()));
    }

    @CommandHandler
    public void handle(LaunchPilot c) {
        if (status != Status.PROPOSED) {
            throw new StateConflictException("The pilot has already launched.");
        }
        if (criteria == null) {
            throw new StateConflictException("Pre-register the success criteria before launch.");
        }
        if (alignment == AlignmentStatus.INVALID) {
            throw new StateConflictException("The pilot names goals that are not in the district's plan; fix its alignment first.");
        }
        Checks.required("launchedOn", c.launchedOn());
        apply(new PilotLaunched(ref.districtId(), ref.pilotId(), c.launchedOn()));
    }

    @CommandHandler
    public void handle(StartCycle c) {
        requireRunning();
        if (openCycleId != null) {
            throw new StateConflictException("Complete the open cycle before starting another.");
        }
        if (cycleIds.contains(c.cycleId())) {
            throw new StateConflictException("Cycle " + c.cycleId() + " exists already.");
        }
        Checks.text("plan", c.plan(), 4000);
        Checks.required("measureBy", c.measureBy());
        apply(new CycleStarted(ref.districtId(), ref.pilotId(), c.cycleId(), cycles + 1, c.plan().strip(), c.measureBy()));
    }

    @CommandHandler
    public void handle(RecordMeasurement c) {
        if (openCycleId == null || !openCycleId.equals(c.cycleId())) {
            throw new StateConflictException("Measurements are recorded only within the pilot's open cycle.");
        }
        if (criteria.metrics().stream().noneMatch(m -> m.metricId().equals(c.metricId()))) {
            throw new InvalidInputException("metricId", "is not one of the pilot's pre-registered metrics");
        }
        Checks.required("group", c.group());
        if (c.group() == Group.COMPARISON && criteria.comparisonGroup() == ComparisonGroup.NONE) {
            throw new InvalidInputException("group", "the pilot pre-registered no comparison group");
        }
        Checks.text("unit", c.unit(), 200);
        if (!Double.isFinite(c.value())) {
            throw new InvalidInputException("value", "must be a number");
        }
        if (c.students() < 0 || c.students() > 100_000) {
            throw new InvalidInputException("students", "must be between 0 and 100000");
        }
        apply(new MeasurementRecorded(ref.districtId(), ref.pilotId(), c.cycleId(), c.metricId(), c.group(),
                c.unit().strip(), c.value(), c.students()));
    }

    @CommandHandler
    public void handle(CompleteCycle c) {
        if (openCycleId == null || !openCycleId.equals(c.cycleId())) {
            throw new StateConflictException("Cycle " + c.cycleId() + " is not open.");
        }
        Checks.text("observed", c.observed(), 4000);
        Checks.optionalText("nextChanges", c.nextChanges(), 4000);
        apply(new CycleCompleted(ref.districtId(), ref.pilotId(), c.cycleId(), c.observed().strip(),
                c.nextChanges() == null ? "" : c.nextChanges().strip()));
    }

    /** Returns the evidence tier recorded with the decision. */
    @CommandHandler
    public int handle(DecidePilot c) {
        requireRunning();
        if (completedCycles == 0) {
            throw new StateConflictException("Decide only after at least one completed cycle.");
        }
        Checks.required("decision", c.decision());
        Checks.text("rationale", c.rationale(), 4000);
        int tier = PilotEvaluator.evaluate(ref.pilotId(), criteria, measurements).proposedEvidenceTier();
        apply(new PilotDecided(ref.districtId(), ref.pilotId(), c.decision(), c.rationale().strip(), tier));
        return tier;
    }

    private void requireRunning() {
        if (status == Status.PROPOSED) {
            throw new StateConflictException("The pilot has not launched yet.");
        }
        if (status == Status.SCALED || status == Status.STOPPED) {
            throw new StateConflictException("The pilot was decided (" + status.name().toLowerCase() + ") and is closed.");
        }
    }

    @EventSourcingHandler
    void on(PilotProposed e) {
        ref = new PilotRef(e.districtId(), e.pilotId());
        id = ref.toString();
        status = Status.PROPOSED;
        alignment = e.alignment();
    }

    @EventSourcingHandler
    void on(PilotAlignmentChecked e) {
        alignment = e.alignment();
    }

    @EventSourcingHandler
    void on(CriteriaPreRegistered e) {
        criteria = e.criteria();
    }

    @EventSourcingHandler
    void on(CriteriaAmended e) {
        criteria = e.criteria();
    }

    @EventSourcingHandler
    void on(PilotLaunched e) {
        status = Status.LAUNCHED;
    }

    @EventSourcingHandler
    void on(CycleStarted e) {
        openCycleId = e.cycleId();
        cycleIds.add(e.cycleId());
        cycles = e.number();
    }

    @EventSourcingHandler
    void on(MeasurementRecorded e) {
        measurements.add(new PilotEvaluator.Measurement(e.cycleId(), cycles, e.metricId(), e.group(), e.value(),
                e.students()));
    }

    @EventSourcingHandler
    void on(CycleCompleted e) {
        openCycleId = null;
        completedCycles++;
    }

    @EventSourcingHandler
    void on(PilotDecided e) {
        if (e.decision() == Decision.SCALE) {
            status = Status.SCALED;
        } else if (e.decision() == Decision.STOP) {
            status = Status.STOPPED;
        }
    }
}
