package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.districtops.kit.errors.NotFoundException;
import org.districtops.vision.api.FetchPlanDashboard;
import org.districtops.vision.api.FindPublicPlan;
import org.districtops.vision.api.FindPublicPlans;
import org.districtops.vision.api.PlanDashboard;
import org.districtops.vision.api.PublicPlanView;
import org.districtops.vision.query.PlanHistory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;
import static org.districtops.vision.web.PlanCommandController.ITEM_ID;

/**
 * Anonymous, read-only: the public sees each district's plans, their health as it was at any date (from the events
 * recorded by then: what a board meeting saw), and the change log.
 */
@RestController
@RequestMapping("/public/districts/{districtId}/plans")
public class PublicPlanController {

    private final QueryGateway queries;
    private final PlanHistory history;

    public PublicPlanController(QueryGateway queries, PlanHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @Operation(summary = "The district's strategic plans, oldest first")
    @GetMapping
    public List<PublicPlanView> plans(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId) {
        return queries.query(new FindPublicPlans(districtId), ResponseTypes.multipleInstancesOf(PublicPlanView.class))
                .join();
    }

    @Operation(summary = "One strategic plan: goals, measures, milestones, dated updates and the change log")
    @GetMapping("/{planId}")
    public ResponseEntity<PublicPlanView> plan(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                               @PathVariable @Pattern(regexp = ITEM_ID) String planId) {
        Optional<PublicPlanView> plan = queries.query(new FindPublicPlan(districtId, planId),
                ResponseTypes.optionalInstanceOf(PublicPlanView.class)).join();
        PublicPlanView view = plan.orElseThrow(() -> new NotFoundException("No plan " + planId + " in " + districtId));
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    @Operation(summary = "Health of the plan as it was at a date (default today), rolled up to goals and plan: "
            + "computed from the events recorded by the end of that day (UTC), or of 'recordedBy' when given")
    @GetMapping("/{planId}/dashboard")
    public PlanDashboard dashboard(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                   @PathVariable @Pattern(regexp = ITEM_ID) String planId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedBy) {
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        Instant recordedBefore = (recordedBy == null ? date : recordedBy).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (recordedBefore.isAfter(Instant.now())) {
            // nothing recorded later than the cut-off yet: the live read model is the same fold, and cheaper
            return queries.query(new FetchPlanDashboard(districtId, planId, date),
                            ResponseTypes.optionalInstanceOf(PlanDashboard.class)).join()
                    .orElseThrow(() -> new NotFoundException("No plan " + planId + " in " + districtId));
        }
        return history.dashboard(districtId, planId, date, recordedBefore).orElseThrow(() -> new NotFoundException(
                "No plan " + planId + " in " + districtId + " had been recorded by " + recordedBefore));
    }

    @Operation(summary = "The same dashboard as CSV: one row per measure and milestone")
    @GetMapping(value = "/{planId}/dashboard.csv", produces = "text/csv")
    public ResponseEntity<String> dashboardCsv(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                               @PathVariable @Pattern(regexp = ITEM_ID) String planId,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedBy)
            throws IOException {
        PlanDashboard dashboard = dashboard(districtId, planId, asOf, recordedBy);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("goal", "type", "item", "owner", "unit",
                "baseline", "target", "actual", "percent_complete", "due", "as_of", "health", "score").get().print(out)) {
            for (PlanDashboard.Goal goal : dashboard.goals()) {
                for (PlanDashboard.Measure m : goal.measures()) {
                    csv.printRecord(goal.title(), "measure", m.name(), "", m.unit(), m.baselineValue(), m.target(),
                            m.latestValue(), "", "", m.latestValueOn(), m.health(), m.score());
                }
                for (PlanDashboard.Milestone m : goal.milestones()) {
                    csv.printRecord(goal.title(), "milestone", m.title(), m.ownerName(), "%", "", 100,
                            "", m.percentComplete(), m.due(), m.lastUpdateOn(), m.health(), m.score());
                }
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"plan-" + planId + "-" + dashboard.asOf() + ".csv\"")
                .body(out.toString());
    }
}
