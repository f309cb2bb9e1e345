package org.districtops.deploycheck;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/compose/docker-compose.yml cannot run here (no Docker), so it is held against what can be checked: the
 * Compose Specification's schema, the images the build produces, the variables the services read, and the
 * files and services it refers to.
 */
class ComposeFileTest {

    private static final Path COMPOSE_DIR = BuildFacts.ROOT.resolve("infra/compose");
    private static final Map<String, Object> COMPOSE = new Yaml().load(BuildFacts.read(COMPOSE_DIR.resolve("docker-compose.yml")));

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) COMPOSE.get("services");
    }

    @Test
    void theFileIsValidAgainstTheComposeSpecificationSchema() throws Exception {
        Schema schema = composeSchema();
        // YAML anchors and merge keys (<<) are resolved by the YAML parser, as Compose does, before validation
        List<Error> errors = schema.validate(JsonMapper.builder().build().valueToTree(COMPOSE));
        assertThat(errors).as("compose-spec violations").isEmpty();
    }

    @Test
    void theSchemaRejectsAServiceWithAnUnknownKey() throws Exception {
        Schema schema = composeSchema();
        Map<String, Object> broken = Map.of("services", Map.of("x", Map.of("image", "postgres:17.7", "healthchek", Map.of())));
        assertThat(schema.validate(JsonMapper.builder().build().valueToTree(broken))).isNotEmpty();
    }

    @Test
    void everyImageIsOneTheBuildProducesOrAPinnedPublicImage() {
        Set<String> built = BuildFacts.imageModules().values().stream().map(BuildFacts.ImageModule::image)
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        services().forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " has an image").isNotBlank();
            used.add(image);
            if (image.startsWith("districtops/")) {
                assertThat(built).as(name + ": an image the build's images profile produces").contains(image);
            } else {
                assertThat(BuildFacts.pinnedPublicImage(image)).as(name + ": " + image + " is pinned to a version").isTrue();
            }
        });
        assertThat(used).as("every image the build produces is deployed").containsAll(built);
    }

    @Test
    void everyVariableAServiceNeedsIsSetAndEverySetVariableIsOneTheServicesRead() {
        Map<String, BuildFacts.ImageModule> modules = BuildFacts.imageModules();
        Set<String> readAnywhere = modules.values().stream().flatMap(m -> m.variables().keySet().stream())
                .collect(Collectors.toSet());
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> entry : services().entrySet()) {
            String image = (String) entry.getValue().get("image");
            BuildFacts.ImageModule module = modules.values().stream().filter(m -> m.image().equals(image))
                    .findFirst().orElse(null);
            if (module == null) {
                continue;
            }
            Map<String, Object> env = environment(entry.getValue());
            assertThat(env.keySet()).as(entry.getKey() + " sets what it needs (no default, or a localhost default)")
                    .containsAll(module.mustBeSet());
            env.keySet().stream().filter(k -> k.startsWith("DOP_")).forEach(k ->
                    assertThat(readAnywhere).as(entry.getKey() + ": " + k + " is read by a service").contains(k));
            checked++;
        }
        assertThat(checked).as("service containers checked").isEqualTo(9);
    }

    @Test
    void everyServiceOfThePlatformRunsTwiceAndHasAHealthCheck() {
        for (BuildFacts.ImageModule module : BuildFacts.imageModules().values()) {
            List<String> instances = services().entrySet().stream()
                    .filter(e -> module.image().equals(e.getValue().get("image"))).map(Map.Entry::getKey).toList();
            assertThat(instances).as(module.artifactId()).hasSize(module.artifactId().equals("gateway") ? 1 : 2);
            for (String instance : instances) {
                Map<?, ?> health = (Map<?, ?>) services().get(instance).get("healthcheck");
                assertThat(health).as(instance + " healthcheck").isNotNull();
                String test = String.valueOf(health.get("test"));
                assertThat(test).as(instance + " checks its actuator health on its port")
                        .contains(BuildFacts.contextPath(module) + "/actuator/health")
                        .contains("/" + BuildFacts.defaultPort(module) + " ");
            }
        }
    }

    @Test
    void dependenciesNameExistingServicesAndWaitForHealthOrCompletion() {
        services().forEach((name, service) -> {
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                conditions.forEach((target, condition) -> {
                    assertThat(services()).as(name + " depends on " + target).containsKey((String) target);
                    String wanted = String.valueOf(((Map<?, ?>) condition).get("condition"));
                    if (wanted.equals("service_healthy")) {
                        assertThat(services().get(target)).as(target + " has a healthcheck").containsKey("healthcheck");
                    }
                });
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> gatewayDeps = (Map<String, Object>) services().get("gateway").get("depends_on");
        assertThat(gatewayDeps).containsKeys("vision-1", "vision-2", "pilot-1", "pilot-2", "pd-1", "pd-2",
                "partnership-1", "partnership-2");
    }

    @Test
    void everyMountedFileOfTheRepositoryExists() {
        List<String> missing = new ArrayList<>();
        services().forEach((name, service) -> {
            Object volumes = service.get("volumes");
            if (volumes instanceof Collection<?> list) {
                for (Object v : list) {
                    String source = String.valueOf(v).split(":")[0];
                    if (source.startsWith(".") && !Files.exists(COMPOSE_DIR.resolve(source))) {
                        missing.add(name + ": " + source);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryInstanceOnItsActuatorPathAndLoadsTheMountedRules() {
        Map<String, Object> prometheus = new Yaml().load(BuildFacts.read(
                BuildFacts.ROOT.resolve("infra/observability/prometheus/prometheus.yml")));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        for (BuildFacts.ImageModule module : BuildFacts.imageModules().values()) {
            String path = BuildFacts.contextPath(module) + "/actuator/prometheus";
            Set<String> expected = services().entrySet().stream()
                    .filter(e -> module.image().equals(e.getValue().get("image")))
                    .map(e -> e.getKey() + ":" + BuildFacts.metricsPort(module)).collect(Collectors.toSet());
            Set<String> scraped = jobs.stream().filter(j -> path.equals(j.get("metrics_path")))
                    .flatMap(j -> ((List<Map<String, Object>>) j.get("static_configs")).stream())
                    .flatMap(c -> ((List<String>) c.get("targets")).stream()).collect(Collectors.toSet());
            assertThat(scraped).as(module.artifactId() + " instances scraped on " + path).isEqualTo(expected);
        }
        List<String> mounts = (List<String>) services().get("prometheus").get("volumes");
        for (String ruleFile : (List<String>) prometheus.get("rule_files")) {
            assertThat(mounts).as("rule file " + ruleFile + " is mounted").anyMatch(m -> m.contains(":" + ruleFile + ":"));
        }
    }

    /** The vendored schema; its draft-04 style "id" keywords are dropped (draft 2019-09 names them "$id"). */
    private static Schema composeSchema() throws Exception {
        tools.jackson.databind.node.ObjectNode json;
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            json = (tools.jackson.databind.node.ObjectNode) JsonMapper.builder().build().readTree(in);
        }
        dropIdKeywords(json);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(json);
    }

    private static void dropIdKeywords(tools.jackson.databind.JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            if (object.path("id").isString()) {
                object.remove("id"); // a keyword; a property named "id" would have a schema object as its value
            }
            object.values().forEach(ComposeFileTest::dropIdKeywords);
        } else if (node.isArray()) {
            node.values().forEach(ComposeFileTest::dropIdKeywords);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        return env == null ? Map.of() : (Map<String, Object>) env;
    }
}
