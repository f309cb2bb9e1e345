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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Agreements signed while vision-service was down are checked again once it answers. */
@Component
public class AlignmentRechecker extends org.districtops.vision.client.AlignmentRechecker<PartnerRef> {

    private final QueryGateway queries;
    private final CommandSender commands;

    public AlignmentRechecker(QueryGateway queries, CommandSender commands, VisionGoalsClient visionGoals) {
        super(visionGoals);
        this.queries = queries;
        this.commands = commands;
    }

    @Override
    @Scheduled(fixedDelayString = "${dop.partnership.alignment-recheck-interval:30s}",
               initialDelayString = "${dop.partnership.alignment-recheck-interval:30s}")
    public void recheck() {
        super.recheck();
    }

    @Override
    protected List<PartnerRef> awaiting() {
        return queries.query(new FindAgreementsAwaitingAlignment(), ResponseTypes.multipleInstancesOf(PartnerRef.class))
                .join();
    }

    @Override
    protected String districtOf(PartnerRef partner) {
        return partner.districtId();
    }

    @Override
    protected Optional<List<String>> goalIdsOf(PartnerRef partner) {
        return queries.query(new FindPartner(partner.districtId(), partner.partnerId()),
                        ResponseTypes.optionalInstanceOf(PartnerView.class)).join()
                .map(p -> p.agreement() == null ? List.of() : p.agreement().goalIds());
    }

    @Override
    protected void record(PartnerRef partner, VisionGoalsClient.GoalCheck check) {
        commands.send(new CheckAgreementAlignment(partner, check.status(AlignmentStatus.VERIFIED,
                        AlignmentStatus.INVALID, AlignmentStatus.UNVERIFIED), check.unknownGoalIds()),
                new Actor("partnership-service", "system", partner.districtId()));
    }
}
