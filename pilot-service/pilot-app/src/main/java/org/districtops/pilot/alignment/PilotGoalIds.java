package org.districtops.pilot.alignment;

import org.districtops.pilot.api.PilotRef;
import org.districtops.pilot.query.PilotProjection;
import org.springframework.stereotype.Component;

import java.util.List;

/** The goal ids a pilot claims to serve, from the read side. */
@Component
public class PilotGoalIds {

    private final PilotProjection projection;

    public PilotGoalIds(PilotProjection projection) {
        this.projection = projection;
    }

    public List<String> of(PilotRef pilot) {
        return projection.state(pilot.districtId(), pilot.pilotId()).map(s -> s.goalIds).orElse(List.of());
    }
}
