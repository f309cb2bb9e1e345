package org.districtops.pilot.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.districtops.pilot.api.ProvenModelSharingSet;
import org.districtops.pilot.api.SetProvenModelSharing;
import org.districtops.pilot.api.SharingRef;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Whether a district shares its menu of proven models with the other districts of the deployment (off by default). */
@Aggregate
public class ModelSharing {

    @AggregateIdentifier
    private String id;
    private boolean shared;

    protected ModelSharing() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetProvenModelSharing command) {
        if (id == null || shared != command.shared()) {
            apply(new ProvenModelSharingSet(command.sharing().districtId(), command.shared()));
        }
    }

    @EventSourcingHandler
    void on(ProvenModelSharingSet event) {
        id = new SharingRef(event.districtId()).toString();
        shared = event.shared();
    }
}
