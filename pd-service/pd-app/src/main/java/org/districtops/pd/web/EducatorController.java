package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.messaging.Actor;
import org.districtops.kit.messaging.CommandSender;
import org.districtops.pd.api.EducatorRef;
import org.districtops.pd.api.EraseEducator;
import org.districtops.pd.api.RegisterEducator;
import org.districtops.pd.personal.PersonalDataStore;
import org.districtops.pd.query.EducatorProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;
import static org.districtops.pd.web.PdRequests.ITEM_ID;

/** Educators: registered by PD staff (or imported), personal data kept encrypted, erasure on request. */
@RestController
@Validated
@RequestMapping("/districts/{districtId}/educators")
@SecurityRequirement(name = "bearer")
public class EducatorController {

    private final CommandSender commands;
    private final PersonalDataStore personalData;
    private final EducatorProjection educators;

    public EducatorController(CommandSender commands, PersonalDataStore personalData, EducatorProjection educators) {
        this.commands = commands;
        this.personalData = personalData;
        this.educators = educators;
    }

    @Operation(summary = "Register an educator: an opaque id in events, name and email in the encrypted store")
    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                                        @Valid @RequestBody PdRequests.NewEducator b) {
        Actor actor = Access.staff(districtId);
        String educatorId = UUID.randomUUID().toString();
        personalData.put(districtId, educatorId, new PersonalDataStore.PersonalData(b.givenName().strip(),
                b.familyName().strip(), b.email().strip()));
        commands.send(new RegisterEducator(new EducatorRef(districtId, educatorId), null,
                b.schoolIds() == null ? List.of() : b.schoolIds()), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("educatorId", educatorId));
    }

    @Operation(summary = "An educator's record with their name resolved from the personal-data store")
    @GetMapping("/{educatorId}")
    public Map<String, Object> educator(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                        @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        Access.staffOrSelf(districtId, educatorId);
        EducatorProjection.State s = educators.find(districtId, educatorId)
                .orElseThrow(() -> new NotFoundException("No educator " + educatorId + " in " + districtId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("educatorId", educatorId);
        body.put("schoolIds", s.schoolIds);
        body.put("sourcedId", s.sourcedId);
        body.put("portfolioPublic", s.portfolioPublic);
        body.put("erased", s.erased);
        personalData.get(educatorId).ifPresentOrElse(p -> {
            body.put("name", p.displayName());
            body.put("email", p.email());
        }, () -> body.put("name", null));
        return body;
    }

    @Operation(summary = "Erase an educator's personal data (crypto-shredding); awards stay under the opaque id")
    @DeleteMapping("/{educatorId}/personal-data")
    public Map<String, Object> erase(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                     @PathVariable @Pattern(regexp = ITEM_ID) String educatorId) {
        Actor actor = Access.staffOrSelf(districtId, educatorId);
        educators.find(districtId, educatorId)
                .orElseThrow(() -> new NotFoundException("No educator " + educatorId + " in " + districtId));
        personalData.erase(educatorId);
        commands.send(new EraseEducator(new EducatorRef(districtId, educatorId)), actor);
        return Map.of("educatorId", educatorId, "erased", true);
    }
}
