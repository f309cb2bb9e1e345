package org.districtops.partnership.alignment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.partnership.api.AlignmentStatus;
import org.districtops.partnership.api.CheckAgreementAlignment;
import org.districtops.partnership.api.FindAgreementsAwaitingAlignment;
import org.districtops.partnership.api.FindPartner;
import org.districtops.partnership.api.PartnerRef;
import org.districtops.partnership.api.PartnerView;
import org.districtops.vision.client.VisionGoalsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/** Agreements signed while vision-service was down are checked again once it answers. */
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

    @Scheduled(fixedDelayString = "${dop.partnership.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.partnership.alignment-recheck-interval:30s}")
    public void recheck() {
        List<PartnerRef> waiting = queries.query(new FindAgreementsAwaitingAlignment(),
                ResponseTypes.multipleInstancesOf(PartnerRef.class)).join();
        for (PartnerRef partner : waiting) {
            List<String> goalIds = queries.query(new FindPartner(partner.districtId(), partner.partnerId()),
                            ResponseTypes.optionalInstanceOf(PartnerView.class)).join()
                    .map(p -> p.agreement() == null ? List.<String>of() : p.agreement().goalIds()).orElse(List.of());
            VisionGoalsClient.GoalCheck check = visionGoals.check(partner.districtId(), goalIds);
            AlignmentStatus checkStatus = check.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                    AlignmentStatus.UNVERIFIED);
            if (checkStatus == AlignmentStatus.UNVERIFIED) {
                return; // still unavailable: try again next round
            }
            commands.send(new CheckAgreementAlignment(partner, checkStatus, check.unknownGoalIds()),
                    new Actor("partnership-service", "system", partner.districtId()));
            log.info("Alignment of the agreement of {} checked: {}", partner, checkStatus);
        }
    }
}
