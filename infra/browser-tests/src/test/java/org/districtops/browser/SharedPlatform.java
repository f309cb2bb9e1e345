package org.districtops.browser;

import org.districtops.testsupport.ApiClient;
import org.districtops.testsupport.LaunchedPlatform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.testsupport.ApiClient.body;

/**
 * One launched platform (and one Chromium) for every browser test class in the JVM: a platform start costs about
 * 40 s on two cores. The first class annotated {@code @ExtendWith(SharedPlatform.Start.class)} starts it and seeds
 * what every class builds on (a plan with a milestone, the demo partner in good standing); JUnit closes it after the
 * last class (the root store closes {@link AutoCloseable} values). Classes run in their {@code @Order} (junit-platform.properties).
 * <p>
 * {@code -Ddop.platform.url=http://localhost:PORT -Ddop.platform.data=DIR} uses a platform started by hand instead.
 */
final class SharedPlatform implements AutoCloseable {

    static final String DISTRICT = "demo-district";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(SharedPlatform.class);
    private static SharedPlatform current;

    final Path data;
    final LaunchedPlatform platform;
    final Browser browser;
    final ApiClient api;
    String planId;
    String goalId;
    String milestoneId;

    private SharedPlatform(Path data, LaunchedPlatform platform, Browser browser) {
        this.data = data;
        this.platform = platform;
        this.browser = browser;
        this.api = new ApiClient(platform.gateway());
    }

    static SharedPlatform get() {
        assertThat(current).as("the test class is annotated @ExtendWith(SharedPlatform.Start.class)").isNotNull();
        return current;
    }

    /** The extension a browser test class declares: starts the shared platform unless it runs already. */
    static final class Start implements BeforeAllCallback, AfterEachCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            current = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(SharedPlatform.class, key -> start(), SharedPlatform.class);
        }

        /** What the browser showed at the end of each test, for the failsafe report when one fails. */
        @Override
        public void afterEach(ExtensionContext context) {
            if (current == null) {
                return;
            }
            Browser browser = current.browser;
            String text = String.valueOf(browser.script("return document.body ? document.body.innerText : ''"));
            log.info("{} ended on {}:\n{}", context.getDisplayName(), browser.driver.getCurrentUrl(),
                    text.length() > 3000 ? text.substring(0, 3000) + "…" : text);
        }
    }

    private static SharedPlatform start() {
        assertThat(Browser.available()).as("Chromium and chromedriver are installed (apt-get install chromium chromium-driver)").isTrue();
        try {
            String attached = System.getProperty("dop.platform.url", "");
            Path data = attached.isBlank() ? Files.createTempDirectory("dop-browser-platform-") : null;
            LaunchedPlatform platform = attached.isBlank() ? LaunchedPlatform.prepare(data)
                    : LaunchedPlatform.attach(attached, Path.of(System.getProperty("dop.platform.data")));
            log.info("Platform ready in {} s", String.format("%.1f", platform.start()));
            SharedPlatform shared = new SharedPlatform(data, platform, new Browser(platform.gateway()));
            shared.seedPlanAndPartner();
            return shared;
        } catch (Exception e) {
            throw new IllegalStateException("The platform for the browser tests did not start", e);
        }
    }

    String gateway() {
        return platform.gateway();
    }

    /** A token from the demo-only password grant (same issuer, key and claims as a browser sign-in). */
    String token(String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway() + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password=demo"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return body(response, 200).get("access_token").asString();
    }

    /** A plan with a milestone (superintendent), by API; then waits for the seeded demo partner to be in good standing. */
    private void seedPlanAndPartner() throws Exception {
        String superintendent = token("superintendent");
        String staff = token("planner");
        JsonNode plan = body(api.post("/api/vision/districts/" + DISTRICT + "/plans", superintendent, """
                {"title":"Learner-centered 2030","startYear":2025,"endYear":2030,
                 "firstGoal":{"title":"Every learner on a personal pathway","conditions":["INSTRUCTION"]}}"""), 201);
        planId = plan.get("planId").asString();
        JsonNode planView = api.await("/api/vision/public/districts/" + DISTRICT + "/plans/" + planId, null,
                p -> p.get("goals").size() == 1);
        goalId = planView.get("goals").get(0).get("goalId").asString();
        milestoneId = body(api.post("/api/vision/districts/" + DISTRICT + "/plans/" + planId + "/goals/" + goalId + "/milestones",
                superintendent, """
                        {"title":"Advisory in every middle school","owner":{"id":"planner","name":"Pat Planner"},
                         "start":"%s","due":"%s","updateCadenceDays":30}""".formatted(TODAY.minusMonths(2), TODAY.plusMonths(6))),
                201).get("milestoneId").asString();
        api.await("/api/vision/public/districts/" + DISTRICT + "/plans/" + planId, null,
                p -> p.get("goals").get(0).get("milestones").size() == 1);

        // the embedded demo onboards the partner account's organisation on its first start (DemoPartner): no API
        // seeding here, so the partner's browser path is the one a new user meets
        api.await("/api/partnerships/districts/" + DISTRICT + "/partners/demo-partner", staff,
                p -> p.has("goodStanding") && p.get("goodStanding").asBoolean());
        // warm every public endpoint the dashboard reads, so cold JVMs do not meet the pages' block timeout first
        for (String path : List.of("/api/vision/public/districts/" + DISTRICT + "/vision",
                "/api/pilots/public/districts/" + DISTRICT + "/proven-models",
                "/api/pd/public/districts/" + DISTRICT + "/pd-figures",
                "/api/partnerships/public/districts/" + DISTRICT + "/opportunities")) {
            api.get(path, null);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            platform.close();
            if (data != null) {
                try (var files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }
}
