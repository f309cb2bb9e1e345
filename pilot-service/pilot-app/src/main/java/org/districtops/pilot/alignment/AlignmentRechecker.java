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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/** Pilots proposed while vision-service was down are checked again once it answers. */
@Component
public class AlignmentRechecker {

    private static final Logger log = LoggerFactory.getLogger(AlignmentRechecker.class);

    private final QueryGateway queries;
    private final CommandSender commands;
    private final VisionGoalsClient visionGoals;
    private final PilotGoalIds pilotGoalIds;

    public AlignmentRechecker(QueryGateway queries, CommandSender commands, VisionGoalsClient visionGoals,
                              PilotGoalIds pilotGoalIds) {
        this.queries = queries;
        this.commands = commands;
        this.visionGoals = visionGoals;
        this.pilotGoalIds = pilotGoalIds;
    }

    @Scheduled(fixedDelayString = "${dop.pilot.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.pilot.alignment-recheck-interval:30s}")
    public void recheck() {
        List<PilotRef> waiting = queries.query(new FindPilotsAwaitingAlignment(),
                ResponseTypes.multipleInstancesOf(PilotRef.class)).join();
        for (PilotRef pilot : waiting) {
            VisionGoalsClient.GoalCheck check = visionGoals.check(pilot.districtId(), pilotGoalIds.of(pilot));
            AlignmentStatus checkStatus = check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                    AlignmentStatus.UNVERIFIED);
            if (checkStatus == AlignmentStatus.UNVERIFIED) {
                return; // still unavailable: try again next round
            }
            commands.send(new CheckPilotAlignment(pilot, checkStatus, check.unknownGoalIds()),
                    new Actor("pilot-service", "system", pilot.districtId()));
            log.info("Alignment of pilot {} checked: {}", pilot, checkStatus);
        }
    }
}
