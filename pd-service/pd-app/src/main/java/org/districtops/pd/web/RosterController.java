package org.districtops.pd.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import org.districtops.pd.query.EducatorProjection;
import org.districtops.pd.roster.OneRosterImport;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

import java.util.List;
import java.util.Map;

import static org.districtops.pd.web.PdRequests.DISTRICT_ID;

/** PD staff import schools and educators from a OneRoster 1.2 CSV package. */
@RestController
@Validated
@RequestMapping("/districts/{districtId}")
@SecurityRequirement(name = "bearer")
public class RosterController {

    private final OneRosterImport importer;
    private final EducatorProjection roster;

    public RosterController(OneRosterImport importer, EducatorProjection roster) {
        this.importer = importer;
        this.roster = roster;
    }

    @Operation(summary = "Import a OneRoster 1.2 CSV zip (manifest.csv, orgs.csv, users.csv[, roles.csv]); bulk or delta")
    @PostMapping(value = "/oneroster-imports", consumes = {"application/zip", "application/octet-stream"})
    public OneRosterImport.Report importRoster(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                               @RequestBody byte[] zip) {
        return importer.importZip(districtId, zip, Access.staff(districtId));
    }

    @Operation(summary = "The district's schools (from the roster)")
    @GetMapping("/schools")
    public List<Map<String, Object>> schools(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        Access.staff(districtId);
        return roster.schools(districtId).stream()
                .map(s -> Map.<String, Object>of("schoolId", s.schoolId, "name", s.name)).toList();
    }

    @Operation(summary = "The district's educators: opaque ids, schools (names are resolved per educator)")
    @GetMapping("/educators")
    public List<Map<String, Object>> educators(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        Access.staff(districtId);
        return roster.district(districtId).stream()
                .map(s -> Map.<String, Object>of("educatorId", s.educatorId, "schoolIds", s.schoolIds,
                        "sourcedId", s.sourcedId == null ? "" : s.sourcedId, "erased", s.erased)).toList();
    }
}
