package org.districtops.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.partnership.api.*;
import org.districtops.vision.client.VisionGoalsClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes. District partnership staff onboard partners, record agreements, review listings and record placements;
 * a partner user works on its own organisation only: contacts, attestations, its listings, confirming hours and
 * completing placements. Listing commands carry the acting partner so the aggregate refuses another partner's.
 */
@RestController
@RequestMapping("/districts/{districtId}")
@SecurityRequirement(name = "bearer")
public class PartnershipController {

    static final String DISTRICT_ID = "[a-z0-9][a-z0-9-]{1,63}";
    static final String ITEM_ID = "[A-Za-z0-9-]{1,64}";

    private final CommandSender commands;
    private final QueryGateway queries;
    private final VisionGoalsClient visionGoals;

    public PartnershipController(CommandSender commands, QueryGateway queries, VisionGoalsClient visionGoals) {
        this.commands = commands;
        this.queries = queries;
        this.visionGoals = visionGoals;
    }

    @Operation(summary = "Onboard an organisation as a partner (district staff)")
    @PostMapping("/partners")
    public ResponseEntity<Map<String, Object>> onboard(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                       @Valid @RequestBody PartnershipRequests.Onboard b) {
        PartnerAccess.Access access = PartnerAccess.staff(districtId);
        PartnerRef partner = new PartnerRef(districtId, b.partnerId() != null ? b.partnerId() : UUID.randomUUID().toString());
        commands.send(new OnboardPartner(partner, b.name(), b.type(), b.description(), b.website()), access.actor());
        return created(Map.of("partnerId", partner.partnerId()));
    }

    @Operation(summary = "Add a staff contact of the partner (staff, or the partner itself)")
    @PostMapping("/partners/{partnerId}/contacts")
    public ResponseEntity<Map<String, Object>> addContact(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                          @PathVariable @Pattern(regexp = ITEM_ID) String partnerId,
                                                          @Valid @RequestBody PartnershipRequests.ContactRequest b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        String contactId = UUID.randomUUID().toString();
        commands.send(new AddPartnerContact(new PartnerRef(districtId, partnerId),
                new Contact(contactId, b.name(), b.role(), b.email(), b.phone())), access.actor());
        return created(Map.of("partnerId", partnerId, "contactId", contactId));
    }

    @Operation(summary = "Remove a staff contact of the partner (staff, or the partner itself)")
    @DeleteMapping("/partners/{partnerId}/contacts/{contactId}")
    public ResponseEntity<Void> removeContact(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                              @PathVariable @Pattern(regexp = ITEM_ID) String partnerId,
                                              @PathVariable @Pattern(regexp = ITEM_ID) String contactId) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        commands.send(new RemovePartnerContact(new PartnerRef(districtId, partnerId), contactId), access.actor());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Record or renew the agreement (MOU): term, expiry and vision goals (UNVERIFIED while vision-service is down)")
    @PutMapping("/partners/{partnerId}/agreement")
    public Map<String, Object> agreement(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                         @PathVariable @Pattern(regexp = ITEM_ID) String partnerId,
                                         @Valid @RequestBody PartnershipRequests.Agreement b) {
        PartnerAccess.Access access = PartnerAccess.staff(districtId);
        VisionGoalsClient.GoalCheck alignment = visionGoals.check(districtId, b.goalIds());
        AlignmentStatus alignmentStatus = alignment.status(AlignmentStatus.VERIFIED, AlignmentStatus.INVALID,
                AlignmentStatus.UNVERIFIED);
        if (alignmentStatus == AlignmentStatus.INVALID) {
            throw new InvalidInputException("goalIds", "not goals of the district's plan: " + alignment.unknownGoalIds());
        }
        var expiresAt = b.expiresAt() != null ? b.expiresAt()
                : b.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long version = commands.send(new SignAgreement(new PartnerRef(districtId, partnerId), b.start(), b.end(),
                expiresAt, b.goalIds(), alignmentStatus), access.actor());
        return Map.of("partnerId", partnerId, "expiresAt", expiresAt.toString(), "alignment", alignmentStatus,
                "version", version);
    }

    @Operation(summary = "Record or renew an attestation with its expiry (staff, or the partner itself)")
    @PostMapping("/partners/{partnerId}/attestations")
    public ResponseEntity<Map<String, Object>> attest(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                      @PathVariable @Pattern(regexp = ITEM_ID) String partnerId,
                                                      @Valid @RequestBody PartnershipRequests.Attestation b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        long version = commands.send(new RecordAttestation(new PartnerRef(districtId, partnerId), b.type(),
                b.expiresAt(), b.reference()), access.actor());
        return created(Map.of("partnerId", partnerId, "type", b.type(), "expiresAt", b.expiresAt().toString(),
                "version", version));
    }

    @Operation(summary = "Draft a listing for the partner (the partner itself, or staff on its behalf)")
    @PostMapping("/partners/{partnerId}/listings")
    public ResponseEntity<Map<String, Object>> draft(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @PathVariable @Pattern(regexp = ITEM_ID) String partnerId,
                                                     @Valid @RequestBody PartnershipRequests.Listing b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        queries.query(new FindPartner(districtId, partnerId), ResponseTypes.optionalInstanceOf(PartnerView.class))
                .join().orElseThrow(() -> new NotFoundException("No partner " + partnerId + " in " + districtId + "."));
        ListingRef listing = new ListingRef(districtId, UUID.randomUUID().toString());
        commands.send(new DraftListing(listing, partnerId, b.toDetails(), access.partnerId()), access.actor());
        return created(Map.of("listingId", listing.listingId(), "status", ListingStatus.DRAFT));
    }

    @Operation(summary = "Revise a draft or returned listing (its partner, or staff)")
    @PutMapping("/listings/{listingId}")
    public Map<String, Object> revise(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                      @Valid @RequestBody PartnershipRequests.Listing b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId);
        commands.send(new ReviseListing(new ListingRef(districtId, listingId), b.toDetails(), access.partnerId()),
                access.actor());
        return Map.of("listingId", listingId, "revised", true);
    }

    @Operation(summary = "Submit a listing for the district's review (its partner, or staff)")
    @PostMapping("/listings/{listingId}/submission")
    public Map<String, Object> submit(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                      @PathVariable @Pattern(regexp = ITEM_ID) String listingId) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId);
        commands.send(new SubmitListing(new ListingRef(districtId, listingId), access.partnerId()), access.actor());
        return Map.of("listingId", listingId, "status", ListingStatus.SUBMITTED);
    }

    @Operation(summary = "Approve (publish) a submitted listing (district staff)")
    @PostMapping("/listings/{listingId}/approval")
    public Map<String, Object> approve(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                       @PathVariable @Pattern(regexp = ITEM_ID) String listingId) {
        commands.send(new ApproveListing(new ListingRef(districtId, listingId)), PartnerAccess.staff(districtId).actor());
        return Map.of("listingId", listingId, "status", ListingStatus.APPROVED);
    }

    @Operation(summary = "Return a submitted listing to its partner to revise, with a reason (district staff)")
    @PostMapping("/listings/{listingId}/return")
    public Map<String, Object> returnListing(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                             @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                             @Valid @RequestBody PartnershipRequests.Reason b) {
        commands.send(new ReturnListing(new ListingRef(districtId, listingId), b.reason()),
                PartnerAccess.staff(districtId).actor());
        return Map.of("listingId", listingId, "status", ListingStatus.RETURNED);
    }

    @Operation(summary = "Decline a submitted listing, with a reason (district staff)")
    @PostMapping("/listings/{listingId}/decline")
    public Map<String, Object> decline(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                       @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                       @Valid @RequestBody PartnershipRequests.Reason b) {
        commands.send(new DeclineListing(new ListingRef(districtId, listingId), b.reason()),
                PartnerAccess.staff(districtId).actor());
        return Map.of("listingId", listingId, "status", ListingStatus.DECLINED);
    }

    @Operation(summary = "Close a published listing or mark it filled (its partner, or staff)")
    @PostMapping("/listings/{listingId}/end")
    public Map<String, Object> end(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                   @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                   @Valid @RequestBody PartnershipRequests.End b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId);
        commands.send(new EndListing(new ListingRef(districtId, listingId), b.outcome(), access.partnerId()),
                access.actor());
        return Map.of("listingId", listingId, "status", b.outcome());
    }

    @Operation(summary = "Place a student (pseudonymous id only) on a published listing (district staff)")
    @PostMapping("/listings/{listingId}/placements")
    public ResponseEntity<Map<String, Object>> place(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                     @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                                     @Valid @RequestBody PartnershipRequests.Placement b) {
        String placementId = UUID.randomUUID().toString();
        commands.send(new RecordPlacement(new ListingRef(districtId, listingId), placementId, b.studentId(), b.school(),
                b.startedOn()), PartnerAccess.staff(districtId).actor());
        return created(Map.of("listingId", listingId, "placementId", placementId));
    }

    @Operation(summary = "Log hours a placed student worked, on the student's behalf (district staff)")
    @PostMapping("/listings/{listingId}/placements/{placementId}/hours")
    public ResponseEntity<Map<String, Object>> logHours(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                        @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                                        @PathVariable @Pattern(regexp = ITEM_ID) String placementId,
                                                        @Valid @RequestBody PartnershipRequests.Hours b) {
        String entryId = UUID.randomUUID().toString();
        commands.send(new LogPlacementHours(new ListingRef(districtId, listingId), placementId, entryId, b.workedOn(),
                b.hours()), PartnerAccess.staff(districtId).actor());
        return created(Map.of("placementId", placementId, "entryId", entryId));
    }

    @Operation(summary = "Confirm logged hours (the listing's own partner: its supervisor)")
    @PostMapping("/listings/{listingId}/placements/{placementId}/hours/{entryId}/confirmation")
    public Map<String, Object> confirmHours(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                            @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                            @PathVariable @Pattern(regexp = ITEM_ID) String placementId,
                                            @PathVariable @Pattern(regexp = ITEM_ID) String entryId) {
        PartnerAccess.Access access = PartnerAccess.partner(districtId);
        commands.send(new ConfirmPlacementHours(new ListingRef(districtId, listingId), placementId, entryId,
                access.partnerId()), access.actor());
        return Map.of("placementId", placementId, "entryId", entryId, "confirmed", true);
    }

    @Operation(summary = "Complete a placement with an evaluation (the listing's partner, or staff)")
    @PostMapping("/listings/{listingId}/placements/{placementId}/completion")
    public Map<String, Object> complete(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                        @PathVariable @Pattern(regexp = ITEM_ID) String listingId,
                                        @PathVariable @Pattern(regexp = ITEM_ID) String placementId,
                                        @Valid @RequestBody PartnershipRequests.Completion b) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId);
        commands.send(new CompletePlacement(new ListingRef(districtId, listingId), placementId, b.rating(),
                b.comments(), access.partnerId()), access.actor());
        return Map.of("placementId", placementId, "completed", true);
    }

    private static ResponseEntity<Map<String, Object>> created(Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new LinkedHashMap<>(body));
    }
}
