package org.districtops.pilot.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.kit.security.ActorResolver;
import org.districtops.pilot.api.Evaluation;
import org.districtops.pilot.api.FindPilot;
import org.districtops.pilot.api.FindPilotBoard;
import org.districtops.pilot.api.FindProvenModels;
import org.districtops.pilot.api.FindSharedProvenModels;
import org.districtops.pilot.api.MetricResult;
import org.districtops.pilot.api.PilotBoardEntry;
import org.districtops.pilot.api.PilotView;
import org.districtops.pilot.api.ProvenModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.districtops.pilot.web.PilotCommandController.DISTRICT_ID;
import static org.districtops.pilot.web.PilotCommandController.ITEM_ID;
import static org.districtops.pilot.web.PilotCommandController.LEADS;

/** The pilot board for staff; pilot results and the menu of proven models for the public (JSON and CSV). */
@RestController
public class PilotQueryController {

    private final QueryGateway queries;

    public PilotQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(summary = "The district's pilot board: status, wave, measurements due, decisions pending")
    @SecurityRequirement(name = "bearer")
    @GetMapping("/districts/{districtId}/pilots")
    public List<PilotBoardEntry> board(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        ActorResolver.require(districtId, LEADS);
        return queries.query(new FindPilotBoard(districtId), ResponseTypes.multipleInstancesOf(PilotBoardEntry.class))
                .join();
    }

    @Operation(summary = "The service's evaluation of a pilot: per-metric results and the evidence tier they support")
    @SecurityRequirement(name = "bearer")
    @GetMapping("/districts/{districtId}/pilots/{pilotId}/evaluation")
    public Evaluation evaluation(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                 @PathVariable @Pattern(regexp = ITEM_ID) String pilotId) {
        ActorResolver.require(districtId, LEADS);
        PilotView pilot = pilot(districtId, pilotId);
        if (pilot.evaluation() == null) {
            throw new NotFoundException("Pilot " + pilotId + " has no criteria yet.");
        }
        return pilot.evaluation();
    }

    @Operation(summary = "A pilot's public record: criteria, amendments, cycles, decisions, evaluation")
    @GetMapping("/public/districts/{districtId}/pilots/{pilotId}")
    public PilotView pilot(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                           @PathVariable @Pattern(regexp = ITEM_ID) String pilotId) {
        return queries.query(new FindPilot(districtId, pilotId), ResponseTypes.optionalInstanceOf(PilotView.class))
                .join().orElseThrow(() -> new NotFoundException("No pilot " + pilotId + " in " + districtId));
    }

    @Operation(summary = "The menu of proven models, each with its waves, evidence and results")
    @GetMapping("/public/districts/{districtId}/proven-models")
    public List<ProvenModel> provenModels(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindProvenModels(districtId), ResponseTypes.multipleInstancesOf(ProvenModel.class))
                .join();
    }

    @Operation(summary = "Proven models of every district that chose to share them")
    @GetMapping("/public/shared-proven-models")
    public List<ProvenModel> sharedProvenModels() {
        return queries.query(new FindSharedProvenModels(), ResponseTypes.multipleInstancesOf(ProvenModel.class)).join();
    }

    @Operation(summary = "The menu of proven models as CSV: one row per model, wave and metric")
    @GetMapping(value = "/public/districts/{districtId}/proven-models.csv", produces = "text/csv")
    public ResponseEntity<String> provenModelsCsv(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId)
            throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("model", "model_type", "best_evidence_tier", "wave",
                "pilot", "school_level", "schools", "students", "status", "decision", "evidence_tier", "metric", "unit", "baseline",
                "target", "result", "comparison", "effect_size", "target_met").get().print(out)) {
            for (ProvenModel model : provenModels(districtId)) {
                for (ProvenModel.Wave wave : model.waves()) {
                    for (MetricResult r : wave.results()) {
                        csv.printRecord(model.modelName(), model.modelType(), model.bestEvidenceTier(), wave.wave(),
                                wave.title(), wave.schoolLevel(), String.join("; ", wave.schools()), wave.cohortSize(), wave.status(),
                                wave.decision(), wave.evidenceTier(), r.name(), r.unit(), r.baseline(), r.target(),
                                r.pilotMean(), r.comparisonMean(), r.effectSize(), r.targetMet());
                    }
                }
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"proven-models-" + districtId + ".csv\"")
                .body(out.toString());
    }
}
