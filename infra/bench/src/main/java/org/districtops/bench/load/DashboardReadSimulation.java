package org.districtops.bench.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One public read (the plan dashboard via the gateway or direct to vision-service, or a static file from the
 * gateway) sent by {@code users} closed-loop users for {@code seconds}: each user sends its next request on its own
 * keep-alive connection when the last one answered, so the figure is what N concurrent readers get. Anything but
 * 200 is an error. Caching is off: every request reaches the server.
 */
public class DashboardReadSimulation extends Simulation {

    public static final String NAME = "bench.read.name";
    public static final String URL = "bench.read.url";
    public static final String USERS = "bench.read.users";
    public static final String SECONDS = "bench.read.seconds";

    final Duration duration;

    public DashboardReadSimulation() {
        this(SimulationInputs.fromSystemProperties());
    }

    DashboardReadSimulation(SimulationInputs inputs) {
        String name = inputs.text(NAME);
        String url = inputs.loopbackUrl(URL);
        int users = inputs.positive(USERS);
        duration = Duration.ofSeconds(inputs.positive(SECONDS));
        HttpProtocolBuilder protocol = http.disableWarmUp().disableCaching().acceptHeader("application/json, text/html");
        ScenarioBuilder scenario = scenario(name).during(duration).on(exec(http(name).get(url).check(status().is(200))));
        setUp(scenario.injectOpen(atOnceUsers(users))).protocols(protocol).maxDuration(duration.plusSeconds(60));
    }
}
