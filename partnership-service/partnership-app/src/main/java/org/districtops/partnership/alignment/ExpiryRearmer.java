package org.districtops.partnership.alignment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.partnership.api.FindPartnersWithExpiries;
import org.districtops.partnership.api.FindPublishedListings;
import org.districtops.partnership.api.ListingRef;
import org.districtops.partnership.api.PartnerRef;
import org.districtops.partnership.api.ScheduleExpiryCheck;
import org.districtops.partnership.api.ScheduleListingExpiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's {@code SimpleDeadlineManager} keeps deadlines in memory, so a restart loses them. This re-arms them:
 * shortly after start, and again every interval, every partner with an agreement or attestation and every
 * published listing not yet re-armed in this run gets a {@code ScheduleExpiryCheck} / {@code ScheduleListingExpiry}.
 * The aggregate cancels its deadlines, schedules the pending ones again and records any expiry that passed while
 * the service was down. Repeating rounds pick up what a read side still rebuilding at start did not show yet.
 * Aggregates armed by their own commands in this run are re-armed once more, which is harmless.
 */
@Component
public class ExpiryRearmer {

    private static final Logger log = LoggerFactory.getLogger(ExpiryRearmer.class);

    private final QueryGateway queries;
    private final CommandSender commands;
    private final Set<String> armed = ConcurrentHashMap.newKeySet();

    public ExpiryRearmer(QueryGateway queries, CommandSender commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Scheduled(initialDelayString = "${dop.partnership.rearm-initial-delay:5s}",
               fixedDelayString = "${dop.partnership.rearm-interval:60s}")
    public void rearm() {
        int count = 0;
        for (PartnerRef partner : queries.query(new FindPartnersWithExpiries(),
                ResponseTypes.multipleInstancesOf(PartnerRef.class)).join()) {
            if (armed.add(partner.toString()) && send(new ScheduleExpiryCheck(partner), partner.districtId(), partner.toString())) {
                count++;
            }
        }
        for (ListingRef listing : queries.query(new FindPublishedListings(),
                ResponseTypes.multipleInstancesOf(ListingRef.class)).join()) {
            if (armed.add(listing.toString()) && send(new ScheduleListingExpiry(listing), listing.districtId(), listing.toString())) {
                count++;
            }
        }
        if (count > 0) {
            log.info("Re-armed the expiry deadlines of {} partners and listings", count);
        }
    }

    private boolean send(Object command, String districtId, String key) {
        try {
            commands.send(command, new Actor("partnership-service", "system", districtId));
            return true;
        } catch (RuntimeException e) {
            armed.remove(key);
            log.warn("Could not re-arm the expiry deadlines of {}: {}", key, e.toString());
            return false;
        }
    }
}
