package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.errors.ForbiddenException;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.*;
import org.districtops.pd.personal.PersonalDataStore;
import org.districtops.pd.query.AwardProjection;
import org.districtops.pd.query.BadgeProjection;
import org.districtops.pd.query.EducatorProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;
import static org.districtops.pd.web.PdRequests.ITEM_ID;

/**
 * Portfolios: private by default. The educator may make theirs public or create a share link (the secret is
 * shown once; only its SHA-256 is stored); PD staff see the portfolios of their district. A public endpoint
 * answers 404 for a private, erased or unknown portfolio alike, so it reveals nothing.
 */
@RestController
@Validated
public class PortfolioController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandSender commands;
    private final EducatorProjection educators;
    private final AwardProjection awards;
    private final BadgeProjection badges;
    private final PersonalDataStore personalData;

    public PortfolioController(CommandSender commands, EducatorProjection educators, AwardProjection awards,
                               BadgeProjection badges, PersonalDataStore personalData) {
        this.commands = commands;
        this.educators = educators;
        this.awards = awards;
        this.badges = badges;
        this.personalData = personalData;
    }

    @Operation(summary = "An educator's portfolio (the educator, or PD staff of the district)")
    @SecurityRequirement(name = "bearer")
    @GetMapping("/districts/{districtId}/educators/{educatorId}/portfolio")
    public Map<String, Object> portfolio(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                         @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        Access.staffOrSelf(districtId, educatorId);
        EducatorProjection.State s = educators.find(districtId, educatorId)
                .orElseThrow(() -> new NotFoundException("No educator " + educatorId + " in " + districtId));
        return view(s, true);
    }

    @Operation(summary = "My portfolio: the signed-in educator's own (the record named by the token's educator_id claim)")
    @SecurityRequirement(name = "bearer")
    @GetMapping("/districts/{districtId}/me/portfolio")
    public Map<String, Object> myPortfolio(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        Access.Me me = Access.me(districtId);
        EducatorProjection.State s = educators.find(districtId, me.educatorId())
                .orElseThrow(() -> new NotFoundException("Your educator record " + me.educatorId() + " is not in "
                        + districtId + " (yet): PD staff import or register it."));
        return view(s, true);
    }

    @Operation(summary = "Make one's portfolio public or private")
    @SecurityRequirement(name = "bearer")
    @PutMapping("/districts/{districtId}/educators/{educatorId}/portfolio/visibility")
    public Map<String, Object> visibility(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                          @PathVariable @Pattern(regexp = ITEM_ID) String educatorId,
                                          @Valid @RequestBody PdRequests.Visibility b) {
        commands.send(new SetPortfolioVisibility(new EducatorRef(districtId, educatorId), b.isPublic()), self(districtId, educatorId));
        return Map.of("educatorId", educatorId, "isPublic", b.isPublic());
    }

    @Operation(summary = "Create a share link (replaces an earlier one); the token is shown only now")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/districts/{districtId}/educators/{educatorId}/portfolio/share-link")
    public ResponseEntity<Map<String, Object>> shareLink(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                         @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        Actor actor = self(districtId, educatorId);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        commands.send(new CreateShareLink(new EducatorRef(districtId, educatorId), sha256(token)), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", token,
                "path", "/public/portfolios/shared/" + token));
    }

    @Operation(summary = "Withdraw the share link")
    @SecurityRequirement(name = "bearer")
    @DeleteMapping("/districts/{districtId}/educators/{educatorId}/portfolio/share-link")
    public Map<String, Object> revokeShareLink(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                               @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        commands.send(new RevokeShareLink(new EducatorRef(districtId, educatorId)), self(districtId, educatorId));
        return Map.of("educatorId", educatorId, "shareLink", false);
    }

    @Operation(summary = "A portfolio its educator made public")
    @GetMapping("/public/districts/{districtId}/portfolios/{educatorId}")
    public Map<String, Object> publicPortfolio(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                               @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        return educators.find(districtId, educatorId).filter(s -> s.portfolioPublic && !s.erased)
                .map(s -> view(s, false))
                .orElseThrow(() -> new NotFoundException("No public portfolio here."));
    }

    @Operation(summary = "A portfolio shared by link")
    @GetMapping("/public/portfolios/shared/{token}")
    public Map<String, Object> sharedPortfolio(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{20,64}") String token) {
        return educators.byShareToken(sha256(token)).filter(s -> !s.erased).map(s -> view(s, false))
                .orElseThrow(() -> new NotFoundException("No portfolio is shared with this link."));
    }

    private static Actor self(String districtId, String educatorId) {
        return Access.self(districtId, educatorId, "Only the educator decides who sees their portfolio.");
    }

    private Map<String, Object> view(EducatorProjection.State s, boolean full) {
        List<Map<String, Object>> items = new ArrayList<>();
        double hours = 0;
        for (AwardView a : awards.handle(new FindAwards(s.districtId, s.educatorId))) {
            if (!full && !"AWARDED".equals(a.status())) {
                continue; // the public sees held badges only
            }
            BadgeView.Version version = badges.handle(new FindBadge(s.districtId, a.badgeId()))
                    .map(b -> b.at(a.badgeVersion())).orElse(null);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("awardId", a.awardId());
            item.put("badgeId", a.badgeId());
            item.put("badgeVersion", a.badgeVersion());
            item.put("badgeName", version == null ? null : version.terms().name());
            item.put("status", a.status());
            item.put("awardedAt", a.awardedAt());
            item.put("validUntil", a.validUntil());
            item.put("expired", a.expired());
            if (full) {
                item.put("renewalDue", a.renewalDue());
                item.put("evidence", a.evidence());
                item.put("returnComment", a.returnComment());
            }
            if ("AWARDED".equals(a.status()) && version != null) {
                hours += version.terms().pdHours();
            }
            items.add(item);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("educatorId", s.educatorId);
        view.put("name", personalData.get(s.educatorId).map(PersonalDataStore.PersonalData::displayName).orElse(null));
        view.put("pdHours", hours);
        view.put("badges", items);
        if (full) {
            view.put("isPublic", s.portfolioPublic);
            view.put("shareLink", s.shareTokenHash != null);
            view.put("renewalReminders", items.stream().filter(i -> Boolean.TRUE.equals(i.get("renewalDue")))
                    .map(i -> i.get("badgeName")).toList());
        }
        return view;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
