package org.districtops.bench.load;

import io.gatling.core.Predef$;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.structure.PopulationBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulations build their scenarios from the system properties BenchRun passes, and refuse bad inputs. No load. */
class SimulationsTest {

    @BeforeAll
    static void gatlingConfiguration() {
        // what Gatling's runner does before it instantiates a simulation
        Predef$.MODULE$._configuration_$eq(GatlingConfiguration$.MODULE$.load());
    }

    @Test
    void givenReadInputs_whenBuilt_thenOneScenarioOfThatNameRunsTheGivenUsersForTheGivenTime() {
        DashboardReadSimulation simulation = new DashboardReadSimulation(new SimulationInputs(read("http://127.0.0.1:8080/index.html")));

        assertThat(simulation.duration).isEqualTo(Duration.ofSeconds(5));
        SimulationParams params = params(simulation);
        PopulationBuilder population = params.rootPopulationBuilders().head();
        assertThat(params.rootPopulationBuilders().size()).isEqualTo(1);
        assertThat(population.scenarioBuilder().name()).isEqualTo("staticFileViaGateway");
        assertThat(population.injectionProfile().totalUserCount().get()).isEqualTo(8L);
        assertThat(params.maxDuration().get().toSeconds()).isEqualTo(65);
    }

    @Test
    void givenAMissingInput_whenBuilt_thenItFailsNamingTheProperty() {
        Properties p = read("http://127.0.0.1:8080/index.html");
        p.remove(DashboardReadSimulation.USERS);

        assertThatThrownBy(() -> new DashboardReadSimulation(new SimulationInputs(p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(DashboardReadSimulation.USERS);
    }

    @Test
    void givenAUrlOffThisMachine_whenBuilt_thenItIsRefused() {
        assertThatThrownBy(() -> new DashboardReadSimulation(new SimulationInputs(read("http://example.org/index.html"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void givenUsers_whenTheWriteMixIsBuilt_thenItIsAClosedLoopOfThoseUsers(@TempDir Path dir) throws Exception {
        WriteMixSimulation simulation = new WriteMixSimulation(new SimulationInputs(write(dir)));

        assertThat(simulation.rate).isZero();
        PopulationBuilder population = params(simulation).rootPopulationBuilders().head();
        assertThat(population.scenarioBuilder().name()).isEqualTo("write mix, 8 users");
        assertThat(population.injectionProfile().totalUserCount().get()).isEqualTo(8L);
    }

    @Test
    void givenARate_whenTheWriteMixIsBuilt_thenItIsAnOpenLoopAtThatRate(@TempDir Path dir) throws Exception {
        Properties p = write(dir);
        p.remove(WriteMixSimulation.USERS);
        p.setProperty(WriteMixSimulation.RATE, "16.5");

        WriteMixSimulation simulation = new WriteMixSimulation(new SimulationInputs(p));

        assertThat(simulation.rate).isEqualTo(16.5);
        PopulationBuilder population = params(simulation).rootPopulationBuilders().head();
        assertThat(population.scenarioBuilder().name()).isEqualTo("write mix at 16.5/s");
        // 16.5 users a second for 10 s, one command each
        assertThat(population.injectionProfile().totalUserCount().get()).isEqualTo(165L);
    }

    @Test
    void givenNoAwardPairsFile_whenTheWriteMixIsBuilt_thenItFailsNamingTheProperty(@TempDir Path dir) throws Exception {
        Properties p = write(dir);
        p.setProperty(WriteMixSimulation.AWARDS, dir.resolve("missing.csv").toString());

        assertThatThrownBy(() -> new WriteMixSimulation(new SimulationInputs(p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(WriteMixSimulation.AWARDS);
    }

    @Test
    void givenNoMilestones_whenTheWriteMixIsBuilt_thenItFailsNamingTheProperty(@TempDir Path dir) throws Exception {
        Properties p = write(dir);
        p.setProperty(WriteMixSimulation.MILESTONES, " , ");

        assertThatThrownBy(() -> new WriteMixSimulation(new SimulationInputs(p)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(WriteMixSimulation.MILESTONES);
    }

    private static SimulationParams params(io.gatling.javaapi.core.Simulation simulation) {
        return simulation.params(Predef$.MODULE$.configuration(), "test");
    }

    private static Properties read(String url) {
        Properties p = new Properties();
        p.setProperty(DashboardReadSimulation.NAME, "staticFileViaGateway");
        p.setProperty(DashboardReadSimulation.URL, url);
        p.setProperty(DashboardReadSimulation.USERS, "8");
        p.setProperty(DashboardReadSimulation.SECONDS, "5");
        return p;
    }

    private static Properties write(Path dir) throws Exception {
        Path awards = Files.writeString(dir.resolve("awards.csv"), "educatorId,badgeId\ne-1,b-1\ne-2,b-1\n");
        Properties p = new Properties();
        p.setProperty(WriteMixSimulation.GATEWAY, "http://127.0.0.1:8080");
        p.setProperty(WriteMixSimulation.DISTRICT, "demo-district");
        p.setProperty(WriteMixSimulation.PLAN, "plan-1");
        p.setProperty(WriteMixSimulation.MILESTONES, "m-1,m-2");
        p.setProperty(WriteMixSimulation.MEASURES, "x-1");
        p.setProperty(WriteMixSimulation.AWARDS, awards.toString());
        p.setProperty(WriteMixSimulation.SUPERINTENDENT_TOKEN, "token-s");
        p.setProperty(WriteMixSimulation.PD_STAFF_TOKEN, "token-p");
        p.setProperty(WriteMixSimulation.USERS, "8");
        p.setProperty(WriteMixSimulation.SECONDS, "10");
        return p;
    }
}
