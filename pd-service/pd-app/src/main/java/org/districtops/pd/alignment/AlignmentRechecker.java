package org.districtops.pd.alignment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.vision.client.VisionGoalsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/** Badges defined while vision-service was down are checked again once it answers (as pilot-service does). */
@Component
public class AlignmentRechecker {

    private static final Logger log = LoggerFactory.getLogger(AlignmentRechecker.class);

    private final QueryGateway queries;
    private final CommandSender commands;
    private final VisionGoalsClient visionGoals;

    public AlignmentRechecker(QueryGateway queries, CommandSender commands, VisionGoalsClient visionGoals) {
        this.queries = queries;
        this.commands = commands;
        this.visionGoals = visionGoals;
    }

    @Scheduled(fixedDelayString = "${dop.pd.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.pd.alignment-recheck-interval:30s}")
    public void recheck() {
        List<BadgeRef> waiting = queries.query(new FindBadgesAwaitingAlignment(),
                ResponseTypes.multipleInstancesOf(BadgeRef.class)).join();
        for (BadgeRef badge : waiting) {
            BadgeView view = queries.query(new FindBadge(badge.districtId(), badge.badgeId()),
                    ResponseTypes.optionalInstanceOf(BadgeView.class)).join().orElse(null);
            if (view == null) {
                continue;
            }
            VisionGoalsClient.GoalCheck check = visionGoals.check(badge.districtId(), view.current().terms().goalIds());
            AlignmentStatus checkStatus = check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                    AlignmentStatus.UNVERIFIED);
            if (checkStatus == AlignmentStatus.UNVERIFIED) {
                return; // still unavailable: try again next round
            }
            commands.send(new CheckBadgeAlignment(badge, checkStatus, check.unknownGoalIds()),
                    new Actor("pd-service", "system", badge.districtId()));
            log.info("Alignment of badge {} checked: {}", badge, checkStatus);
        }
    }
}
