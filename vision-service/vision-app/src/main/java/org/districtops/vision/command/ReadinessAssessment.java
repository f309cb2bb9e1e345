package org.districtops.vision.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.vision.api.CompleteReadinessAssessment;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.RateReadiness;
import org.districtops.vision.api.ReadinessAssessmentCompleted;
import org.districtops.vision.api.ReadinessRated;
import org.districtops.vision.api.ReadinessRef;

import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A district's readiness self-assessment for one school year (Lindsay Unified's readiness assessment on the
 * ten District Conditions for Scale). Repeatable each year: each year is its own aggregate.
 */
@Aggregate
public class ReadinessAssessment {

    @AggregateIdentifier
    private String id;
    private final Set<DistrictCondition> rated = EnumSet.noneOf(DistrictCondition.class);
    private boolean completed;

    protected ReadinessAssessment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RateReadiness command) {
        if (completed) {
            throw new StateConflictException("The " + command.assessment().year()
                    + " assessment is completed; ratings can no longer change.");
        }
        if (command.condition() == null) {
            throw new InvalidInputException("condition", "must be one of the ten District Conditions for Scale");
        }
        if (command.rating() < 1 || command.rating() > 4) {
            throw new InvalidInputException("rating", "must be from 1 (not yet) to 4 (in place)");
        }
        if (command.evidence() != null && command.evidence().strip().length() > 4000) {
            throw new InvalidInputException("evidence", "must be at most 4000 characters");
        }
        apply(new ReadinessRated(command.assessment().districtId(), command.assessment().year(), command.condition(),
                command.rating(), command.evidence() == null ? "" : command.evidence().strip()));
    }

    @CommandHandler
    public void handle(CompleteReadinessAssessment command) {
        if (completed) {
            throw new StateConflictException("The " + command.assessment().year() + " assessment is already completed.");
        }
        Set<DistrictCondition> missing = EnumSet.allOf(DistrictCondition.class);
        missing.removeAll(rated);
        if (!missing.isEmpty()) {
            throw new StateConflictException("Rate every condition before completing; missing: " + missing);
        }
        apply(new ReadinessAssessmentCompleted(command.assessment().districtId(), command.assessment().year()));
    }

    @EventSourcingHandler
    void on(ReadinessRated event) {
        id = new ReadinessRef(event.districtId(), event.year()).toString();
        rated.add(event.condition());
    }

    @EventSourcingHandler
    void on(ReadinessAssessmentCompleted event) {
        completed = true;
    }
}
