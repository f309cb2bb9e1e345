package org.districtops.pd.alignment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Badges defined while vision-service was down are checked again once it answers (as pilot-service does). */
@Component
public class AlignmentRechecker extends org.districtops.vision.client.AlignmentRechecker<BadgeRef> {

    private final QueryGateway queries;
    private final CommandSender commands;

    public AlignmentRechecker(QueryGateway queries, CommandSender commands, VisionGoalsClient visionGoals) {
        super(visionGoals);
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    @Scheduled(fixedDelayString = "${dop.pd.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.pd.alignment-recheck-interval:30s}")
    public void recheck() {
        super.recheck();
    }

    @Override
    protected List<BadgeRef> awaiting() {
        return queries.query(new FindBadgesAwaitingAlignment(), ResponseTypes.multipleInstancesOf(BadgeRef.class)).join();
    }

    @Override
    protected String districtOf(BadgeRef badge) {
        return badge.districtId();
    }

    @Override
    protected Optional<List<String>> goalIdsOf(BadgeRef badge) {
        return queries.query(new FindBadge(badge.districtId(), badge.badgeId()),
                ResponseTypes.optionalInstanceOf(BadgeView.class)).join().map(view -> view.current().terms().goalIds());
    }

    @Override
    protected void record(BadgeRef badge, VisionGoalsClient.GoalCheck check) {
        commands.send(new CheckBadgeAlignment(badge, check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                        AlignmentStatus.UNVERIFIED), check.unknownGoalIds()),
                new Actor("pd-service", "system", badge.districtId()));
    }
}
