package org.districtops.pd.roster;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.districtops.kit.messaging.Actor;
import org.districtops.pd.api.EducatorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The embedded demo's roster: one school and the educator the demo account {@code educator} signs in as
 * (sourcedId {@code demo-educator}; the auth-server's account carries the educator id derived from it). It goes
 * through the same OneRoster import PD staff use, so the name and email land in the encrypted personal-data store
 * and the events carry only the opaque id, the sourcedId and the school. Only when {@code dop.pd.demo-roster.enabled}
 * (the launcher sets it; off by default and in production), and only on a first start: once the event store holds
 * the educator, nothing is imported again (so an erased demo educator stays erased).
 */
@Component
public class DemoRoster {

    public static final String SOURCED_ID = "demo-educator";
    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);
    private static final List<String> FILES = List.of("manifest.csv", "orgs.csv", "users.csv");

    private final OneRosterImport importer;
    private final EventStore events;
    private final boolean enabled;
    private final String districtId;

    public DemoRoster(OneRosterImport importer, EventStore events,
                      @Value("${dop.pd.demo-roster.enabled:false}") boolean enabled,
                      @Value("${dop.pd.demo-roster.district:demo-district}") String districtId) {
        this.importer = importer;
        this.events = events;
        this.enabled = enabled;
        this.districtId = districtId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        if (enabled) {
            seed(districtId);
        }
    }

    /** Imports the demo roster into {@code districtId} unless its educator is already in the event store. */
    public OneRosterImport.Report seed(String districtId) {
        String educatorId = OneRosterImport.educatorId(districtId, SOURCED_ID);
        if (events.lastSequenceNumberFor(new EducatorRef(districtId, educatorId).toString()).isPresent()) {
            return null;
        }
        OneRosterImport.Report report = importer.importZip(districtId, packageZip(),
                new Actor("demo-roster", "pd-staff", districtId));
        log.info("Demo roster imported into {}: {} school(s), {} educator(s) (educator id {})", districtId,
                report.schoolsAccepted(), report.educatorsCreated(), educatorId);
        return report;
    }

    private static byte[] packageZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                zip.putNextEntry(new ZipEntry(file));
                zip.write(new ClassPathResource("demo-roster/" + file).getContentAsByteArray());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
