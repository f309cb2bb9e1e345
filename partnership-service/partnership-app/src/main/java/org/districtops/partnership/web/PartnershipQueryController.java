package org.districtops.partnership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.partnership.api.*;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.districtops.partnership.web.PartnershipController.DISTRICT_ID;
import static org.districtops.partnership.web.PartnershipController.ITEM_ID;

/**
 * Reads for district staff (partners, the review queue, expiring commitments) and the partner portal (its own
 * partner record, listings with status and review reasons, placements). Another partner's listing answers 404.
 */
@RestController
@RequestMapping("/districts/{districtId}")
@SecurityRequirement(name = "bearer")
public class PartnershipQueryController {

    static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

    private final QueryGateway queries;

    public PartnershipQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The district's partners with their standing (district staff)")
    @GetMapping("/partners")
    public List<PartnerView> partners(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        PartnerAccess.staff(districtId);
        return queries.query(new FindPartners(districtId), ResponseTypes.multipleInstancesOf(PartnerView.class)).join();
    }

    @Operation(summary = "One partner: contacts, agreement, attestations, standing (staff, or the partner itself)")
    @GetMapping("/partners/{partnerId}")
    public PartnerView partner(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                               @PathVariable @Pattern(regexp = ITEM_ID) String partnerId) {
        PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        return queries.query(new FindPartner(districtId, partnerId), ResponseTypes.optionalInstanceOf(PartnerView.class))
                .join().orElseThrow(() -> new NotFoundException("No partner " + partnerId + " in " + districtId + "."));
    }

    @Operation(summary = "Partner portal: the partner's own listings with status and review reasons")
    @GetMapping("/partners/{partnerId}/listings")
    public List<ListingView> partnerListings(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                             @PathVariable @Pattern(regexp = ITEM_ID) String partnerId) {
        PartnerAccess.staffOrPartner(districtId).mayActFor(partnerId);
        return queries.query(new FindPartnerListings(districtId, partnerId),
                ResponseTypes.multipleInstancesOf(ListingView.class)).join();
    }

    @Operation(summary = "One listing with status and review reasons (staff, or its own partner)")
    @GetMapping("/listings/{listingId}")
    public ListingView listing(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                               @PathVariable @Pattern(regexp = ITEM_ID) String listingId) {
        return ownListing(districtId, listingId);
    }

    @Operation(summary = "Placements on a listing: pseudonymous student ids, hours, evaluations (staff, or its own partner)")
    @GetMapping("/listings/{listingId}/placements")
    public List<PlacementView> placements(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                          @PathVariable @Pattern(regexp = ITEM_ID) String listingId) {
        ownListing(districtId, listingId);
        return queries.query(new FindPlacements(districtId, listingId),
                ResponseTypes.multipleInstancesOf(PlacementView.class)).join();
    }

    @Operation(summary = "District view: listings awaiting review, and agreements or attestations expiring within 30 days")
    @GetMapping("/review-queue")
    public Map<String, Object> reviewQueue(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        PartnerAccess.staff(districtId);
        List<ListingView> submitted = queries.query(new FindReviewQueue(districtId),
                ResponseTypes.multipleInstancesOf(ListingView.class)).join();
        List<ExpiringCommitment> expiring = queries.query(
                new FindExpiringCommitments(districtId, Instant.now().plus(EXPIRING_WITHIN)),
                ResponseTypes.multipleInstancesOf(ExpiringCommitment.class)).join();
        return Map.of("submitted", submitted, "expiringWithin30Days", expiring);
    }

    /** The listing if the caller may see it: staff, or the partner that owns it (another partner gets 404). */
    private ListingView ownListing(String districtId, String listingId) {
        PartnerAccess.Access access = PartnerAccess.staffOrPartner(districtId);
        ListingView listing = queries.query(new FindListing(districtId, listingId),
                ResponseTypes.optionalInstanceOf(ListingView.class)).join().orElse(null);
        if (listing == null || (access.isPartner() && !access.partnerId().equals(listing.partnerId()))) {
            throw new NotFoundException("No listing " + listingId + " of yours in " + districtId + ".");
        }
        return listing;
    }
}
