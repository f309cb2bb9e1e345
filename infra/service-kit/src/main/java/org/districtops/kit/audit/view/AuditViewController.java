package org.districtops.kit.audit.view;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/**
 * The audit view of one service. Staff query their district's entries by aggregate, actor, type and time range;
 * the auditor role also sees the restricted entries (events about individual people); the public sees only the
 * allow-listed event types, redacted. Registered by the service kit in every service.
 */
@RestController
public class AuditViewController {

    static final String DISTRICT_ID = "[a-z0-9][a-z0-9-]{1,63}";
    static final String AUDITOR = "auditor";

    private final AuditViewProjection view;
    private final Set<String> staffRoles;

    public AuditViewController(AuditViewProjection view, Set<String> staffRoles) {
        this.view = view;
        this.staffRoles = staffRoles;
    }

    @Operation(summary = "Audit entries of the district, newest first (staff roles; the auditor also sees restricted entries)")
    @GetMapping("/districts/{districtId}/audit/entries")
    public AuditPage<AuditEntry> entries(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                         @RequestParam(required = false) String aggregateType,
                                         @RequestParam(required = false) String aggregateId,
                                         @RequestParam(required = false) String actorId,
                                         @RequestParam(required = false) String eventType,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        Actor actor = ActorResolver.require(districtId, staffRoles);
        return view.find(query(districtId, aggregateType, aggregateId, actorId, eventType, from, to),
                AUDITOR.equals(actor.role()), checkPage(page), checkSize(size));
    }

    @Operation(summary = "Public audit entries of the district (decisions, adoptions, approvals), redacted, newest first")
    @GetMapping("/public/districts/{districtId}/audit/entries")
    public AuditPage<PublicAuditEntry> publicEntries(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @RequestParam(required = false) String aggregateId,
                                                     @RequestParam(required = false) String eventType,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                                     @RequestParam(defaultValue = "0") int page,
                                                     @RequestParam(defaultValue = "50") int size) {
        return view.findPublic(query(districtId, null, aggregateId, null, eventType, from, to),
                checkPage(page), checkSize(size));
    }

    private static AuditQuery query(String districtId, String aggregateType, String aggregateId, String actorId,
                                    String eventType, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("from", "must be before 'to'");
        }
        return new AuditQuery(districtId, blank(aggregateType), blank(aggregateId), blank(actorId), blank(eventType),
                from, to);
    }

    private static int checkPage(int page) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        return page;
    }

    private static int checkSize(int size) {
        if (size < 1 || size > AuditViewProjection.MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + AuditViewProjection.MAX_PAGE_SIZE);
        }
        return size;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
