package org.districtops.launcher.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads each service's event store (its own PostgreSQL database, {@code domain_event_entry}) directly, the way an
 * auditor would, to find every acknowledged write and to look for half-applied commands.
 */
final class EventStoreCheck {

    /** One stored event: its type (simple name), aggregate and JSON payload. */
    record StoredEvent(String type, String aggregate, long sequence, String payload) {
    }

    private final int postgresPort;

    EventStoreCheck(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    List<StoredEvent> events(String database) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select payload_type, aggregate_identifier, sequence_number,"
                     + " convert_from(payload, 'UTF8') from domain_event_entry order by global_index")) {
            while (rs.next()) {
                String type = rs.getString(1);
                events.add(new StoredEvent(type.substring(type.lastIndexOf('.') + 1), rs.getString(2), rs.getLong(3),
                        rs.getString(4)));
            }
        }
        return events;
    }

    /** Aggregates whose sequence numbers are not exactly 0..n-1 (a torn or partial append would show here). */
    List<String> sequenceGaps(String database) throws Exception {
        List<String> gaps = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select aggregate_identifier, count(*), min(sequence_number), max(sequence_number)"
                     + " from domain_event_entry group by aggregate_identifier"
                     + " having min(sequence_number) <> 0 or max(sequence_number) <> count(*) - 1")) {
            while (rs.next()) {
                gaps.add(database + ":" + rs.getString(1) + " count " + rs.getLong(2) + " seq " + rs.getLong(3) + ".."
                        + rs.getLong(4));
            }
        }
        return gaps;
    }

    /**
     * The acknowledged writes that are not in the event store: for each, an event of the expected type whose payload
     * holds the identifier the service returned and the marker the client sent.
     */
    static List<WriteMix.Sent> lost(List<WriteMix.Sent> acknowledged, Map<String, List<StoredEvent>> byService) {
        List<WriteMix.Sent> lost = new ArrayList<>();
        for (WriteMix.Sent s : acknowledged) {
            String expectedType = expectedType(s.kind());
            boolean found = byService.get(s.kind().service).stream().anyMatch(e -> e.type().equals(expectedType)
                    && e.payload().contains("\"" + s.id() + "\"")
                    && (!s.kind().markerInEvent() || e.payload().contains(s.marker())));
            if (!found) {
                lost.add(s);
            }
        }
        return lost;
    }

    /**
     * Every plan request (acknowledged or not) is one command that appends two events, the plan and its first goal,
     * in one transaction: in the store both are there or neither. Returns the markers for which only one is.
     */
    static List<String> halfAppliedPlans(List<WriteMix.Sent> sent, List<StoredEvent> vision) {
        Map<String, Integer> plans = new HashMap<>();
        Map<String, Integer> goals = new HashMap<>();
        for (StoredEvent e : vision) {
            if (e.type().equals("StrategicPlanCreated")) {
                plans.merge(title(e.payload()), 1, Integer::sum);
            } else if (e.type().equals("PlanGoalAdded")) {
                goals.merge(e.payload().replaceAll(".*\"title\":\"([^\"]*)\".*", "$1"), 1, Integer::sum);
            }
        }
        List<String> half = new ArrayList<>();
        for (WriteMix.Sent s : sent) {
            if (s.kind() == WriteMix.Kind.PLAN) {
                int p = plans.getOrDefault(s.marker(), 0);
                int g = goals.getOrDefault(s.marker() + "/goal", 0);
                if (p != g || p > 1) {
                    half.add(s.marker() + " (plan events " + p + ", first-goal events " + g + ", answer " + s.status() + ")");
                }
            }
        }
        return half;
    }

    /** Writes that were not acknowledged but whose events are stored (allowed: the answer was lost in the crash). */
    static long appliedWithoutAnswer(List<WriteMix.Sent> sent, Map<String, List<StoredEvent>> byService) {
        return sent.stream().filter(s -> !s.acknowledged() && s.kind().markerInEvent())
                .filter(s -> byService.get(s.kind().service).stream().anyMatch(e -> e.payload().contains("\"" + s.marker())))
                .count();
    }

    private static String title(String payload) {
        return payload.replaceAll(".*\"title\":\"([^\"]*)\".*", "$1");
    }

    static String expectedType(WriteMix.Kind kind) {
        return switch (kind) {
            case PLAN -> "StrategicPlanCreated";
            case GOAL -> "PlanGoalAdded";
            case EDUCATOR -> "EducatorRegistered";
            case BADGE -> "BadgeDefined";
            case AWARD -> "BadgeAwarded";
            case PARTNER -> "PartnerOnboarded";
            case PILOT -> "PilotProposed";
        };
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database, "postgres",
                "postgres");
    }
}
