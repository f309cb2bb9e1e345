package org.districtops.kit.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.districtops.eventchain.VerificationReport;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.security.ActorResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * The event store's audit trail: anyone may read and copy the checkpoints; auditors and superintendents may ask
 * the service to recompute the whole chain. Registered by ServiceKitAutoConfiguration in every service.
 */
@RestController
public class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    static final Set<String> VERIFIERS = Set.of("auditor", "superintendent");

    private final EventChainCheckpoints checkpoints;
    private final EventChainAudit audit;
    private final String serviceName;

    public AuditController(EventChainCheckpoints checkpoints, EventChainAudit audit, String serviceName) {
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.serviceName = serviceName;
    }

    @Operation(summary = "Checkpoints of the event chain, newest first: chain position, SHA-256 hash (hex), time taken")
    @GetMapping("/public/audit/checkpoints")
    public List<PublishedCheckpoint> checkpoints() {
        return checkpoints.list();
    }

    @Operation(summary = "The same checkpoints as a CSV download, to keep a copy outside the platform")
    @GetMapping(value = "/public/audit/checkpoints.csv", produces = "text/csv")
    public ResponseEntity<String> checkpointsCsv() {
        StringBuilder csv = new StringBuilder("chain_seq,hash,taken_at\r\n");
        for (PublishedCheckpoint c : checkpoints.list()) {
            csv.append(c.chainSeq()).append(',').append(c.hash()).append(',').append(c.takenAt()).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + serviceName + "-event-chain-checkpoints.csv\"")
                .body(csv.toString());
    }

    @Operation(summary = "Recompute the event chain from the stored events and report the first break (auditor, superintendent)")
    @PostMapping("/audit/verify")
    public VerificationReport verify() {
        Actor actor = ActorResolver.requireRole(VERIFIERS);
        log.info("Event chain verification requested by {} ({})", actor.id(), actor.role());
        return audit.verify();
    }
}
