package org.districtops.bench.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.roundRobinSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The realistic write mix through the gateway, in turn over all users: two in five a milestone progress update and
 * one a measure value (both on the generated plan, so its aggregate carries its whole history), two a badge award to
 * an educator who does not hold the badge (from a CSV feeder of free pairs; each pair is used once, since a second
 * award is a conflict). Any answer but 2xx is an error.
 *
 * <p>Closed loop ({@code users} users, each sending its next command when answered) for the maximum rate; or, with
 * {@code bench.write.rate}, open loop at that many commands per second over shared connections (the background of
 * the projection-lag probe).
 */
public class WriteMixSimulation extends Simulation {

    public static final String GATEWAY = "bench.write.gateway";
    public static final String DISTRICT = "bench.write.district";
    public static final String PLAN = "bench.write.plan";
    public static final String MILESTONES = "bench.write.milestones";
    public static final String MEASURES = "bench.write.measures";
    /** CSV with the header {@code educatorId,badgeId}: free award pairs, each used at most once. */
    public static final String AWARDS = "bench.write.awards";
    public static final String SUPERINTENDENT_TOKEN = "bench.write.superintendentToken";
    public static final String PD_STAFF_TOKEN = "bench.write.pdStaffToken";
    public static final String USERS = "bench.write.users";
    public static final String SECONDS = "bench.write.seconds";
    public static final String RATE = "bench.write.rate";

    /** Request names in the reports and in stats.json. */
    public static final String MILESTONE_PROGRESS = "milestone progress";
    public static final String MEASURE_VALUE = "measure value";
    public static final String BADGE_AWARD = "badge award";

    final Duration duration;
    final double rate;

    public WriteMixSimulation() {
        this(SimulationInputs.fromSystemProperties());
    }

    WriteMixSimulation(SimulationInputs inputs) {
        String gateway = inputs.loopbackUrl(GATEWAY);
        String district = inputs.text(DISTRICT);
        String plan = "/api/vision/districts/" + district + "/plans/" + inputs.text(PLAN);
        FeederBuilder<Object> milestones = listFeeder(rows("milestoneId", inputs.list(MILESTONES))).circular();
        FeederBuilder<Object> measures = listFeeder(rows("measureId", inputs.list(MEASURES))).circular();
        FeederBuilder<String> awards = csv(inputs.existingFile(AWARDS).toAbsolutePath().toString()).queue();
        String superintendent = "Bearer " + inputs.text(SUPERINTENDENT_TOKEN);
        String pdStaff = "Bearer " + inputs.text(PD_STAFF_TOKEN);
        duration = Duration.ofSeconds(inputs.positive(SECONDS));
        rate = inputs.optionalRate(RATE);
        AtomicInteger sent = new AtomicInteger();

        ChainBuilder milestoneProgress = feed(milestones).exec(http(MILESTONE_PROGRESS)
                .post(plan + "/milestones/#{milestoneId}/updates").header("Authorization", superintendent)
                .body(StringBody(session -> "{\"asOf\":\"2026-11-01\",\"percentComplete\":"
                        + (1 + sent.getAndIncrement() % 99) + ",\"narrative\":\"bench\"}")));
        ChainBuilder measureValue = feed(measures).exec(http(MEASURE_VALUE)
                .post(plan + "/measures/#{measureId}/values").header("Authorization", superintendent)
                .body(StringBody(session -> "{\"asOf\":\"2026-11-01\",\"value\":" + (50 + sent.getAndIncrement() % 40) + ".5}")));
        ChainBuilder badgeAward = feed(awards).exec(http(BADGE_AWARD)
                .post("/api/pd/districts/" + district + "/badges/#{badgeId}/awards").header("Authorization", pdStaff)
                .body(StringBody("{\"educatorId\":\"#{educatorId}\",\"evidence\":{\"text\":\"Completed the course\"}}")));
        ChainBuilder oneCommand = exec(roundRobinSwitch().on(milestoneProgress, milestoneProgress, measureValue,
                badgeAward, badgeAward));

        HttpProtocolBuilder protocol = http.baseUrl(gateway).disableWarmUp().disableCaching()
                .contentTypeHeader("application/json").acceptHeader("application/json");
        ScenarioBuilder scenario;
        PopulationBuilder population;
        if (rate > 0) {
            scenario = scenario("write mix at " + rate + "/s").exec(oneCommand);
            population = scenario.injectOpen(constantUsersPerSec(rate).during(duration));
            protocol = protocol.shareConnections();
        } else {
            int users = inputs.positive(USERS);
            scenario = scenario("write mix, " + users + " users").during(duration).on(oneCommand);
            population = scenario.injectOpen(atOnceUsers(users));
        }
        setUp(population).protocols(protocol).maxDuration(duration.plusSeconds(60));
    }

    private static List<Map<String, Object>> rows(String column, List<String> values) {
        return values.stream().map(v -> Map.<String, Object>of(column, v)).toList();
    }
}
