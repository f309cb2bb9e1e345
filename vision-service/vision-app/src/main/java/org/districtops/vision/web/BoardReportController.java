package org.districtops.vision.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import org.districtops.vision.api.Health;
import org.districtops.vision.api.MilestoneStatus;
import org.districtops.vision.api.PlanDashboard;
import org.districtops.vision.api.PublicPlanView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;
import static org.districtops.vision.web.PlanCommandController.DISTRICT_ID;
import static org.districtops.vision.web.PlanCommandController.ITEM_ID;

/**
 * The board report: a printable HTML page of plan status as of a chosen date (print it to PDF from the
 * browser). Built from the same dashboard data as the JSON and CSV downloads; every value is HTML-escaped.
 */
@RestController
public class BoardReportController {

    private final PublicPlanController plans;

    public BoardReportController(PublicPlanController plans) {
        this.plans = plans;
    }

    @Operation(summary = "Printable board report of the plan as it was at a date (default today), from the events recorded by then")
    @GetMapping(value = "/public/districts/{districtId}/plans/{planId}/board-report", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> report(@PathVariable @Pattern(regexp = DISTRICT_ID) String districtId,
                                         @PathVariable @Pattern(regexp = ITEM_ID) String planId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedBy) {
        LocalDate date = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        LocalDate recorded = recordedBy == null ? date : recordedBy;
        PlanDashboard d = plans.dashboard(districtId, planId, date, recorded);
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Board report: ")
                .append(e(d.title())).append(" as of ").append(date).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1a1a1a}")
                .append("h1{font-size:1.6rem;margin:0}h2{font-size:1.2rem;margin:1.6rem 0 .4rem}")
                .append("table{border-collapse:collapse;width:100%;margin:.4rem 0}")
                .append("th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}.ON_TRACK{color:#0a6b2d}.AT_RISK{color:#8a5a00}")
                .append(".OFF_TRACK{color:#a01b1b}.NO_DATA{color:#666}.badge{font-weight:600}")
                .append("@media print{body{margin:0}a{color:inherit}}</style></head><body>");
        html.append("<h1>").append(e(d.title())).append("</h1><p>District ").append(e(d.districtId()))
                .append(" · status as of <strong>").append(date).append("</strong>, as recorded by the end of ")
                .append(recorded).append(" (UTC) · overall health ")
                .append(badge(d.health(), d.score())).append("</p>");
        for (PlanDashboard.Goal goal : d.goals()) {
            html.append("<h2>").append(e(goal.title())).append(" ").append(badge(goal.health(), goal.score()))
                    .append("</h2>");
            if (!goal.measures().isEmpty()) {
                html.append("<table><tr><th>Measure</th><th>Baseline</th><th>Target</th><th>Actual</th>")
                        .append("<th>Health</th></tr>");
                for (PlanDashboard.Measure m : goal.measures()) {
                    html.append("<tr><td>").append(e(m.name())).append(" (").append(e(m.unit())).append(")</td><td>")
                            .append(n(m.baselineValue())).append("</td><td>").append(n(m.target())).append("</td><td>")
                            .append(n(m.latestValue())).append(m.latestValueOn() == null ? "" : " on " + m.latestValueOn())
                            .append("</td><td>").append(badge(m.health(), m.score()))
                            .append(m.overrideReason() == null ? "" : "<br><small>override: " + e(m.overrideReason()) + "</small>")
                            .append("</td></tr>");
                }
                html.append("</table>");
            }
            if (!goal.milestones().isEmpty()) {
                html.append("<table><tr><th>Milestone</th><th>Owner</th><th>Due</th><th>Complete</th>")
                        .append("<th>Health</th></tr>");
                for (PlanDashboard.Milestone m : goal.milestones()) {
                    html.append("<tr><td>").append(e(m.title())).append("</td><td>").append(e(m.ownerName()))
                            .append("</td><td>").append(m.due()).append(m.overdue() ? " <strong>overdue</strong>" : "")
                            .append("</td><td>").append(m.percentComplete() == null ? "no update" : m.percentComplete() + "%")
                            .append(m.status() == MilestoneStatus.BLOCKED ? " <strong>blocked</strong>" : "")
                            .append(m.stale() ? " <strong>stale</strong>" : "").append("</td><td>")
                            .append(badge(m.health(), m.score()))
                            .append(m.overrideReason() == null ? "" : "<br><small>override: " + e(m.overrideReason()) + "</small>")
                            .append("</td></tr>");
                }
                html.append("</table>");
            }
        }
        html.append("<h2>Changes to baselines, targets, due dates and health</h2>");
        if (d.changes().isEmpty()) {
            html.append("<p>None by this date.</p>");
        } else {
            html.append("<table><tr><th>When</th><th>What</th><th>From</th><th>To</th><th>Why</th></tr>");
            for (PublicPlanView.Change c : d.changes()) {
                html.append("<tr><td>").append(c.at().atZone(ZoneOffset.UTC).toLocalDate()).append("</td><td>")
                        .append(e(c.kind().toLowerCase(Locale.ROOT).replace('_', ' '))).append(": ").append(e(c.itemName()))
                        .append("</td><td>").append(e(c.from())).append("</td><td>").append(e(c.to())).append("</td><td>")
                        .append(e(c.reason())).append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<p><small>Health is computed from actual against expected progress at the date: on track at 95% ")
                .append("or more, at risk from 85%, off track below.</small></p></body></html>");
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                // a self-contained page: its one inline stylesheet, no scripts at all
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(html.toString());
    }

    private static String badge(Health health, Double score) {
        String label = health.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return "<span class=\"badge " + health.name() + "\">" + label
                + (score == null ? "" : " (" + Math.round(score * 100) + "%)") + "</span>";
    }

    private static String n(Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String e(String text) {
        return text == null ? "" : htmlEscape(text);
    }
}
