package org.districtops.partnership.demo;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.partnership.api.AddPartnerContact;
import org.districtops.partnership.api.AlignmentStatus;
import org.districtops.partnership.api.AttestationType;
import org.districtops.partnership.api.Contact;
import org.districtops.partnership.api.OnboardPartner;
import org.districtops.partnership.api.OrganisationType;
import org.districtops.partnership.api.PartnerRef;
import org.districtops.partnership.api.RecordAttestation;
import org.districtops.partnership.api.SignAgreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The embedded demo's partner organisation: the one the demo account {@code partner} acts for (its token's
 * {@code partner} claim is {@value #PARTNER_ID}), onboarded with a one-year agreement and both attestations so a new
 * user can sign in as {@code partner} and submit a listing straight away. It goes through the same commands district
 * staff send from the partners page, recorded as the actor {@code demo-seed}. Only when
 * {@code dop.partnership.demo-partner.enabled} (the launcher sets it; off by default and in production), and only on
 * a first start: once the event store holds the partner, nothing is sent again, so staff changes to it stand.
 */
@Component
public class DemoPartner {

    public static final String PARTNER_ID = "demo-partner";
    private static final Logger log = LoggerFactory.getLogger(DemoPartner.class);

    private final CommandSender commands;
    private final EventStore events;
    private final Clock clock;
    private final boolean enabled;
    private final String districtId;

    public DemoPartner(CommandSender commands, EventStore events,
                       @Value("${dop.partnership.demo-partner.enabled:false}") boolean enabled,
                       @Value("${dop.partnership.demo-partner.district:demo-district}") String districtId) {
        this.commands = commands;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.enabled = enabled;
        this.districtId = districtId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        if (enabled) {
            seed(districtId);
        }
    }

    /**
     * Onboards the demo partner into {@code districtId}, in good standing for a year, unless the event store already
     * holds it. Returns whether it did.
     */
    public boolean seed(String districtId) {
        PartnerRef partner = new PartnerRef(districtId, PARTNER_ID);
        if (events.lastSequenceNumberFor(partner.toString()).isPresent()) {
            return false;
        }
        Actor seed = new Actor("demo-seed", "district-staff", districtId);
        LocalDate today = LocalDate.now(clock);
        LocalDate end = today.plusYears(1);
        var expiresAt = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        commands.send(new OnboardPartner(partner, "Parker Partner Robotics", OrganisationType.BUSINESS,
                "Robotics firm hosting internships and job shadows (demo partner)", "https://example.org"), seed);
        commands.send(new AddPartnerContact(partner, new Contact("demo-contact", "Parker Partner", "Supervisor",
                "parker.partner@example.org", null)), seed);
        commands.send(new SignAgreement(partner, today, end, expiresAt, List.of(), AlignmentStatus.VERIFIED), seed);
        for (AttestationType type : AttestationType.values()) {
            commands.send(new RecordAttestation(partner, type, expiresAt, "DEMO-" + type), seed);
        }
        log.info("Demo partner {} onboarded into {}: agreement and attestations until {}", PARTNER_ID, districtId, end);
        return true;
    }
}
