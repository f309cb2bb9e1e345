package org.districtops.pd.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.pd.api.*;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A school of the district, as imported from the roster: registered once, updated when its row changes. */
@Aggregate
public class School {

    @AggregateIdentifier
    private String id;
    private SchoolRef ref;
    private String name;
    private String identifier;

    protected School() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterSchool c) {
        Checks.text("name", c.name(), 200);
        Checks.optionalText("identifier", c.identifier(), 100);
        String newName = c.name().strip();
        String newIdentifier = c.identifier() == null || c.identifier().isBlank() ? null : c.identifier().strip();
        if (id == null) {
            apply(new SchoolRegistered(c.school().districtId(), c.school().schoolId(), newName, newIdentifier));
        } else if (!newName.equals(name) || !Objects.equals(newIdentifier, identifier)) {
            apply(new SchoolUpdated(ref.districtId(), ref.schoolId(), newName, newIdentifier));
        }
    }

    @EventSourcingHandler
    void on(SchoolRegistered e) {
        ref = new SchoolRef(e.districtId(), e.schoolId());
        id = ref.toString();
        name = e.name();
        identifier = e.identifier();
    }

    @EventSourcingHandler
    void on(SchoolUpdated e) {
        name = e.name();
        identifier = e.identifier();
    }
}
