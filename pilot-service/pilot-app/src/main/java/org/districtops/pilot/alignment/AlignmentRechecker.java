package org.districtops.pilot.alignment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pilot.api.AlignmentStatus;
import org.districtops.pilot.api.CheckPilotAlignment;
import org.districtops.pilot.api.FindPilotsAwaitingAlignment;
import org.districtops.pilot.api.PilotRef;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Pilots proposed while vision-service was down are checked again once it answers. */
@Component
public class AlignmentRechecker extends org.districtops.vision.client.AlignmentRechecker<PilotRef> {

    private final QueryGateway queries;
    private final CommandSender commands;
    private final PilotGoalIds pilotGoalIds;

    public AlignmentRechecker(QueryGateway queries, CommandSender commands, VisionGoalsClient visionGoals,
                              PilotGoalIds pilotGoalIds) {
        super(visionGoals);
        this.queries = queries;
        this.commands = commands;
        this.pilotGoalIds = pilotGoalIds;
    }

    @Override
    @Scheduled(fixedDelayString = "${dop.pilot.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.pilot.alignment-recheck-interval:30s}")
    public void recheck() {
        super.recheck();
    }

    @Override
    protected List<PilotRef> awaiting() {
        return queries.query(new FindPilotsAwaitingAlignment(), ResponseTypes.multipleInstancesOf(PilotRef.class)).join();
    }

    @Override
    protected String districtOf(PilotRef pilot) {
        return pilot.districtId();
    }

    @Override
    protected Optional<List<String>> goalIdsOf(PilotRef pilot) {
        return Optional.of(pilotGoalIds.of(pilot));
    }

    @Override
    protected void record(PilotRef pilot, VisionGoalsClient.GoalCheck check) {
        commands.send(new CheckPilotAlignment(pilot, check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                        AlignmentStatus.UNVERIFIED), check.unknownGoalIds()),
                new Actor("pilot-service", "system", pilot.districtId()));
    }
}
