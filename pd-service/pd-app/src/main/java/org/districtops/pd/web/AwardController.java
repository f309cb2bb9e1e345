package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.errors.StateConflictException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.pd.command.AwardIds;
import org.districtops.pd.credentials.BadgeBaker;
import org.districtops.pd.credentials.CredentialSigner;
import org.districtops.pd.credentials.OpenBadgeCredentials;
import org.districtops.pd.query.EducatorProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;
import static org.districtops.pd.web.PdRequests.ITEM_ID;

/** Awards: PD staff award (one or a CSV of many), review applications, revoke and renew; educators apply. */
@RestController
@Validated
@RequestMapping("/districts/{districtId}")
@SecurityRequirement(name = "bearer")
public class AwardController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final EducatorProjection educators;
    private final OpenBadgeCredentials credentials;
    private final CredentialSigner signer;
    private final int bulkParallelism;

    public AwardController(CommandSender commands, QueryGateway queries, EducatorProjection educators,
                           OpenBadgeCredentials credentials, CredentialSigner signer,
                           @Value("${dop.pd.bulk-award-parallelism:4}") int bulkParallelism) {
        this.bulkParallelism = bulkParallelism;
        this.commands = commands;
        this.queries = queries;
        this.educators = educators;
        this.credentials = credentials;
        this.signer = signer;
    }

    @Operation(summary = "Award a badge to one educator (awardedOn: optional, today or earlier)")
    @PostMapping("/badges/{badgeId}/awards")
    public ResponseEntity<Map<String, Object>> award(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                                     @Valid @RequestBody PdRequests.AwardRequest b) {
        Actor actor = Access.staff(districtId);
        BadgeView badge = badge(districtId, badgeId);
        requireEducator(districtId, b.educatorId());
        String awardId = AwardIds.of(b.educatorId(), badgeId);
        Instant at = b.awardedOn() == null ? Instant.now() : b.awardedOn().atStartOfDay().toInstant(ZoneOffset.UTC);
        commands.send(new AwardBadge(new AwardRef(districtId, awardId), b.educatorId(), terms(badge, badge.currentVersion()),
                b.evidence() == null ? null : b.evidence().toEvidence(), at, AwardRoute.STAFF), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("awardId", awardId, "badgeVersion", badge.currentVersion()));
    }

    @Operation(summary = "Award a badge in bulk: CSV with header educatorId[,evidenceUrl,evidenceText]; a report per row")
    @PostMapping(value = "/badges/{badgeId}/awards/bulk", consumes = {"text/csv", "text/plain"})
    public Map<String, Object> bulk(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                    @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                    @RequestBody String csv) throws IOException {
        Actor actor = Access.staff(districtId);
        BadgeView badge = badge(districtId, badgeId);
        BadgeVersionTerms terms = terms(badge, badge.currentVersion());
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<AwardBadge> awards = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        long started = System.nanoTime();
        // every row is checked first; the valid ones are then sent concurrently, each for its own award aggregate
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
            if (!parser.getHeaderMap().containsKey("educatorId")) {
                throw new InvalidInputException("educatorId", "the CSV needs a header row with an educatorId column");
            }
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                String educatorId = row.get("educatorId");
                try {
                    if (educatorId == null || !educatorId.matches(ITEM_ID)) {
                        throw new InvalidInputException("educatorId", "must be an educator id");
                    }
                    if (!listed.add(educatorId)) {
                        throw new InvalidInputException("educatorId", "is listed twice in this file");
                    }
                    requireEducator(districtId, educatorId);
                    Evidence evidence = new Evidence(row.isMapped("evidenceUrl") ? row.get("evidenceUrl") : null,
                            row.isMapped("evidenceText") ? row.get("evidenceText") : null);
                    awards.add(new AwardBadge(new AwardRef(districtId, AwardIds.of(educatorId, badgeId)), educatorId,
                            terms, evidence, Instant.now(), AwardRoute.BULK));
                    lines.add(line);
                } catch (InvalidInputException e) {
                    rejected.add(rejection(line, e.field(), e.getMessage()));
                }
            }
        }
        int awarded = 0;
        List<RuntimeException> outcomes = commands.sendEach(awards, actor, bulkParallelism);
        for (int i = 0; i < outcomes.size(); i++) {
            RuntimeException failure = outcomes.get(i);
            if (failure == null) {
                awarded++;
            } else if (failure instanceof InvalidInputException e) {
                rejected.add(rejection(lines.get(i), e.field(), e.getMessage()));
            } else if (failure instanceof StateConflictException e) {
                rejected.add(rejection(lines.get(i), "educatorId", e.getMessage()));
            } else if (failure instanceof ConcurrencyException) {
                rejected.add(rejection(lines.get(i), "educatorId",
                        "this award was changed by another request at the same moment; send the row again"));
            } else {
                throw failure;
            }
        }
        rejected.sort(Comparator.comparing(r -> (Long) r.get("line")));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("badgeId", badgeId);
        report.put("awarded", awarded);
        report.put("rejected", rejected);
        report.put("awardsPerSecond", seconds > 0 ? Math.round(awarded / seconds) : awarded);
        return report;
    }

    private static Map<String, Object> rejection(long line, String field, String reason) {
        return Map.of("line", line, "field", field, "reason", reason);
    }

    @Operation(summary = "An educator applies for a badge with evidence (link or text)")
    @PostMapping("/badges/{badgeId}/applications")
    public ResponseEntity<Map<String, Object>> apply(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @PathVariable @Pattern(regexp = ITEM_ID) String badgeId,
                                                     @Valid @RequestBody PdRequests.Application b) {
        Access.Me me = Access.me(districtId);
        BadgeView badge = badge(districtId, badgeId);
        requireEducator(districtId, me.educatorId());
        String awardId = AwardIds.of(me.educatorId(), badgeId);
        commands.send(new ApplyForBadge(new AwardRef(districtId, awardId), me.educatorId(), terms(badge, badge.currentVersion()),
                b.evidence().toEvidence()), me.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("awardId", awardId, "status", "APPLIED"));
    }

    @Operation(summary = "Approve a pending application: the badge is awarded")
    @PostMapping("/awards/{awardId}/approval")
    public Map<String, Object> approve(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                       @PathVariable @Pattern(regexp = ITEM_ID) String awardId) {
        Actor actor = Access.staff(districtId);
        AwardView award = award(districtId, awardId);
        commands.send(new ApproveApplication(new AwardRef(districtId, awardId),
                terms(badge(districtId, award.badgeId()), award.badgeVersion()), Instant.now()), actor);
        return Map.of("awardId", awardId, "status", "AWARDED");
    }

    @Operation(summary = "Return a pending application with a comment")
    @PostMapping("/awards/{awardId}/return")
    public Map<String, Object> returnApplication(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                 @PathVariable @Pattern(regexp = ITEM_ID) String awardId,
                                                 @Valid @RequestBody PdRequests.Comment b) {
        commands.send(new ReturnApplication(new AwardRef(districtId, awardId), b.comment()), Access.staff(districtId));
        return Map.of("awardId", awardId, "status", "RETURNED");
    }

    @Operation(summary = "Revoke an award with a reason; its credential is listed as revoked")
    @PostMapping("/awards/{awardId}/revocation")
    public Map<String, Object> revoke(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String awardId,
                                      @Valid @RequestBody PdRequests.Reason b) {
        commands.send(new RevokeAward(new AwardRef(districtId, awardId), b.reason(), Instant.now()), Access.staff(districtId));
        return Map.of("awardId", awardId, "status", "REVOKED");
    }

    @Operation(summary = "Renew an expiring (or expired) award for another validity period")
    @PostMapping("/awards/{awardId}/renewal")
    public Map<String, Object> renew(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                     @PathVariable @Pattern(regexp = ITEM_ID) String awardId,
                                     @Valid @RequestBody(required = false) PdRequests.Renewal b) {
        Actor actor = Access.staff(districtId);
        commands.send(new RenewAward(new AwardRef(districtId, awardId),
                b == null || b.evidence() == null ? null : b.evidence().toEvidence(), Instant.now()), actor);
        return Map.of("awardId", awardId, "renewed", true);
    }

    @Operation(summary = "The district's awards (PD staff), optionally of one educator")
    @GetMapping("/awards")
    public List<AwardView> awards(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                  @RequestParam(required = false) @Pattern(regexp = ITEM_ID) String educatorId) {
        if (educatorId == null) {
            Access.staff(districtId);
        } else {
            Access.staffOrSelf(districtId, educatorId);
        }
        return queries.query(new FindAwards(districtId, educatorId), ResponseTypes.multipleInstancesOf(AwardView.class)).join();
    }

    @Operation(summary = "One award (PD staff or the educator)")
    @GetMapping("/awards/{awardId}")
    public AwardView one(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                         @PathVariable @Pattern(regexp = ITEM_ID) String awardId) {
        AwardView award = award(districtId, awardId);
        Access.staffOrSelf(districtId, award.educatorId());
        return award;
    }

    @Operation(summary = "The award as an Open Badges 3.0 credential: the JSON and its VC-JWT")
    @GetMapping("/awards/{awardId}/credential")
    public Map<String, Object> credential(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                          @PathVariable @Pattern(regexp = ITEM_ID) String awardId) {
        AwardView award = award(districtId, awardId);
        Access.staffOrSelf(districtId, award.educatorId());
        if (award.awardedAt() == null) {
            throw new StateConflictException("The badge has not been awarded yet.");
        }
        BadgeView.Version version = badge(districtId, award.badgeId()).at(award.badgeVersion());
        Map<String, Object> vc = credentials.credential(award, version);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("credential", vc);
        body.put("jwt", signer.sign(districtId, vc));
        body.put("status", award.status());
        return body;
    }

    @Operation(summary = "The badge image with the signed credential baked in (PNG iTXt chunk or SVG element)")
    @GetMapping("/awards/{awardId}/baked")
    public ResponseEntity<byte[]> baked(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                        @PathVariable @Pattern(regexp = ITEM_ID) String awardId) {
        AwardView award = award(districtId, awardId);
        Map<String, Object> issued = credential(districtId, awardId);
        BadgeImage image = badge(districtId, award.badgeId()).at(award.badgeVersion()).terms().image();
        if (image == null) {
            throw new NotFoundException("This badge has no image to bake the credential into.");
        }
        byte[] baked = BadgeBaker.bake(image.contentType(), java.util.Base64.getDecoder().decode(image.data()),
                (String) issued.get("jwt"));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(image.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + awardId
                        + (image.contentType().equals("image/png") ? ".png" : ".svg") + "\"")
                .body(baked);
    }

    private AwardView award(String districtId, String awardId) {
        return queries.query(new FindAward(districtId, awardId), ResponseTypes.optionalInstanceOf(AwardView.class))
                .join().orElseThrow(() -> new NotFoundException("No award " + awardId + " in " + districtId));
    }

    private BadgeView badge(String districtId, String badgeId) {
        return queries.query(new FindBadge(districtId, badgeId), ResponseTypes.optionalInstanceOf(BadgeView.class))
                .join().orElseThrow(() -> new NotFoundException("No badge " + badgeId + " in " + districtId));
    }

    private static BadgeVersionTerms terms(BadgeView badge, int version) {
        BadgeView.Version v = badge.at(version);
        return new BadgeVersionTerms(badge.badgeId(), version, v.terms().evidenceRequired(), v.terms().validityDays(),
                badge.retired());
    }

    private void requireEducator(String districtId, String educatorId) {
        if (educators.find(districtId, educatorId).isEmpty()) {
            throw new InvalidInputException("educatorId", "no educator " + educatorId + " in " + districtId);
        }
    }
}
