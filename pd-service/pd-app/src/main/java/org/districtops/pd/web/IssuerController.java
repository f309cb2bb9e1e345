package org.districtops.pd.web;

import com.nimbusds.jose.jwk.JWKSet;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.pd.api.AwardView;
import org.districtops.pd.credentials.CredentialVerifier;
import org.districtops.pd.credentials.IssuerKeys;
import org.districtops.pd.credentials.OpenBadgeCredentials;
import org.districtops.pd.query.AwardProjection;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;

/** The public side of credentials: issuer profile, its keys, the revocation list, and verification. */
@RestController
@Validated
@RequestMapping("/public")
public class IssuerController {

    private final OpenBadgeCredentials credentials;
    private final IssuerKeys keys;
    private final AwardProjection awards;
    private final CredentialVerifier verifier;

    public IssuerController(OpenBadgeCredentials credentials, IssuerKeys keys, AwardProjection awards,
                            CredentialVerifier verifier) {
        this.credentials = credentials;
        this.keys = keys;
        this.awards = awards;
        this.verifier = verifier;
    }

    @Operation(summary = "The district's issuer Profile (Open Badges 3.0)")
    @GetMapping("/districts/{districtId}/issuer")
    public Map<String, Object> issuer(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return credentials.issuerProfile(districtId);
    }

    @Operation(summary = "The public keys credentials of the district are signed with (JWKS)")
    @GetMapping("/districts/{districtId}/issuer/jwks")
    public Map<String, Object> jwks(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return new JWKSet(keys.signingKey(districtId).toPublicJWK()).toJSONObject(true);
    }

    @Operation(summary = "The district's revocation list (1EdTechRevocationList): ids of revoked credentials")
    @GetMapping("/districts/{districtId}/status-list")
    public Map<String, Object> statusList(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        List<Map<String, Object>> revoked = awards.revoked(districtId).stream()
                .map(a -> Map.<String, Object>of("id", OpenBadgeCredentials.credentialId(a.awardId()),
                        "revoked", true, "revokedAt", String.valueOf(a.revokedAt())))
                .toList();
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("id", credentials.statusListUrl(districtId));
        list.put("type", OpenBadgeCredentials.STATUS_TYPE);
        list.put("issuer", credentials.issuerId(districtId));
        list.put("updated", Instant.now().toString());
        list.put("revokedCredentials", revoked);
        return list;
    }

    /** {@code credential}: the VC-JWT (string) or the credential JSON (object). */
    record VerifyRequest(Object credential) {
    }

    @Operation(summary = "Verify a credential: signature, issuer, revocation and expiry")
    @PostMapping("/verify")
    @SuppressWarnings("unchecked")
    public CredentialVerifier.Result verify(@RequestBody VerifyRequest b) {
        if (b.credential() instanceof String jwt && !jwt.isBlank()) {
            return verifier.verifyJwt(jwt);
        }
        if (b.credential() instanceof Map<?, ?> json) {
            return verifier.verifyJson((Map<String, Object>) json);
        }
        throw new InvalidInputException("credential", "send the VC-JWT as a string or the credential as a JSON object");
    }

    @Operation(summary = "Verify a baked badge image (PNG or SVG): the credential baked into it is checked")
    @PostMapping(value = "/verify/baked", consumes = {"image/png", "image/svg+xml", "application/octet-stream"})
    public CredentialVerifier.Result verifyBaked(@RequestBody byte[] image) {
        if (image == null || image.length == 0 || image.length > 2 * 1024 * 1024) {
            throw new InvalidInputException("image", "send a baked PNG or SVG badge of at most 2 MB");
        }
        return verifier.verifyJwt(org.districtops.pd.credentials.BadgeBaker.extract(image)
                .orElseThrow(() -> new InvalidInputException("image", "no Open Badges credential is baked into this image")));
    }
}
