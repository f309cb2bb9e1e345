package org.districtops.browser;

import org.districtops.testsupport.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.browser.SharedPlatform.DISTRICT;
import static org.districtops.browser.SharedPlatform.TODAY;
import static org.districtops.testsupport.ApiClient.body;

/**
 * Each role's main task in its staff page, then what the public sees of it: the pilot lead records a measurement,
 * closes the cycle and decides to scale (and signs out); PD staff award a badge and approve an application; the
 * educator opens "my portfolio", makes it public, sees the public portfolio and downloads a credential; the public
 * dashboard shows the proven model and the PD figures. And a listing whose title is markup stays text on the board
 * and the dashboard. axe-core checks every page visited. What the pages need that has no page of its own (the pilot,
 * the badges, the educator's application) is set up through the API first.
 */
@Order(2)
@ExtendWith(SharedPlatform.Start.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffTasksBrowserIT {

    private static final Logger log = LoggerFactory.getLogger(StaffTasksBrowserIT.class);
    /** The demo educator's record: the demo roster's "demo-educator", named in the educator account's token. */
    private static final String ELI = "acc09c36-758e-38d8-a0c5-0456c4b8501c";
    private static final String MODEL = "Station rotation (browser test)";
    private static final String AWARDED_BADGE = "Inquiry learning (browser test)";
    private static final String APPLIED_BADGE = "Student voice (browser test)";
    private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=window.__xss=2>";

    private static SharedPlatform shared;
    private static Browser browser;
    private static ApiClient api;
    private static String pilotId;
    private static String awardedBadgeId;
    private static String applicationId;

    @BeforeAll
    static void pilotBadgesAndAnApplication() throws Exception {
        shared = SharedPlatform.get();
        browser = shared.browser;
        api = shared.api;
        String lead = shared.token("pilotlead");
        String pd = shared.token("pdstaff");
        String educator = shared.token("educator");

        // a launched pilot with an open cycle and its comparison classrooms measured
        String pilots = "/api/pilots/districts/" + DISTRICT + "/pilots";
        pilotId = body(api.post(pilots, lead, """
                {"title":"Station rotation, grade 5","gap":"Grade 5 math gap","students":"Grade 5 students",
                 "modelType":"STATION_ROTATION","modelName":"%s","schoolLevel":"ELEMENTARY",
                 "schools":["Jefferson ES","Lincoln ES"],"classrooms":6,"cohortSize":140,"start":"%s","end":"%s",
                 "goalIds":[]}""".formatted(MODEL, TODAY.minusMonths(1), TODAY.plusMonths(5))), 201).get("pilotId").asString();
        String pilot = pilots + "/" + pilotId;
        body(api.send("PUT", pilot + "/criteria", lead, null, """
                {"metrics":[{"metricId":"prof","name":"Math proficiency","unit":"%","direction":"UP","baseline":40,"target":50}],
                 "comparisonGroup":"MATCHED_CLASSROOMS","decisionRule":"Scale if 5 points above matched classrooms"}"""), 200);
        body(api.post(pilot + "/launch", lead, "{\"launchedOn\":\"" + TODAY.minusMonths(1) + "\"}"), 200);
        String cycle = body(api.post(pilot + "/cycles", lead,
                "{\"plan\":\"Three stations\",\"measureBy\":\"" + TODAY.plusMonths(1) + "\"}"), 201).get("cycleId").asString();
        for (String room : List.of("Room 3", "Room 4")) {
            body(api.post(pilot + "/cycles/" + cycle + "/measurements", lead,
                    "{\"metricId\":\"prof\",\"group\":\"COMPARISON\",\"unit\":\"" + room + "\",\"value\":45,\"students\":25}"), 201);
        }
        api.await(pilots, lead, list -> list.toString().contains(pilotId));

        // two badges; the demo educator (imported by the demo roster) applies for one
        String pdApi = "/api/pd/districts/" + DISTRICT;
        awardedBadgeId = badge(pd, AWARDED_BADGE, 3);
        String appliedBadgeId = badge(pd, APPLIED_BADGE, 2);
        api.await(pdApi + "/educators/" + ELI, pd, e -> e.has("educatorId"));
        applicationId = body(api.post(pdApi + "/badges/" + appliedBadgeId + "/applications", educator,
                "{\"evidence\":{\"text\":\"Student-led conferences in every class\"}}"), 201).get("awardId").asString();
        api.await(pdApi + "/awards", pd, awards -> awards.toString().contains(applicationId));
    }

    private static String badge(String pd, String name, int hours) throws Exception {
        String id = body(api.post("/api/pd/districts/" + DISTRICT + "/badges", pd,
                "{\"name\":\"" + name + "\",\"description\":\"d\",\"criteria\":\"c\",\"pdHours\":" + hours + "}"), 201)
                .get("badgeId").asString();
        api.await("/api/pd/public/districts/" + DISTRICT + "/badges/" + id, null, b -> true);
        return id;
    }


    @Test
    @Order(1)
    void thePilotLeadRecordsAMeasurementClosesTheCycleDecidesToScaleAndSignsOut() {
        browser.signIn("pilotlead");
        browser.open("/staff/pilots.html");
        WebElement pilot = browser.visible("li[data-pilot-id='" + pilotId + "']", 20);
        pilot.findElement(By.xpath(".//summary[starts-with(normalize-space(), 'Measurements of cycle')]")).click();
        WebElement measurement = pilot.findElement(By.cssSelector("form[aria-label^='Record a measurement']"));
        measurement.findElement(By.name("metricId")).sendKeys("prof");
        measurement.findElement(By.name("value")).sendKeys("56");
        measurement.findElement(By.name("unit")).sendKeys("Room 1");
        measurement.findElement(By.name("students")).sendKeys("25");
        measurement.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(measurement, "Measurement recorded.");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the pilots page").isEmpty();

        WebElement completion = pilot.findElement(By.cssSelector("form[aria-label^='Complete cycle']"));
        completion.findElement(By.name("observed")).sendKeys("Groups of six worked best");
        completion.findElement(By.name("nextChanges")).sendKeys("Add a peer station");
        completion.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(completion, "Cycle completed.");

        pilot.findElement(By.xpath(".//summary[normalize-space()='Decide']")).click();
        WebElement decision = pilot.findElement(By.cssSelector("form[aria-label^='Decide on']"));
        new Select(decision.findElement(By.name("decision"))).selectByValue("SCALE");
        decision.findElement(By.name("rationale")).sendKeys("Eleven points above matched classrooms");
        decision.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(decision, "Decision recorded.");

        // sign out from the page header: POST /logout with the CSRF header, the IdP's logout, back on the public page
        browser.find(".who .sign-out").click();
        browser.waitUpTo(20).until(d -> d.getCurrentUrl().equals(shared.gateway() + "/"));
        assertThat(browser.script("return fetch('/auth/me').then(r => r.status)")).isEqualTo(401L);
        // the identity provider's session ended too: the staff pages ask for the password again
        browser.open("/staff/");
        browser.visible("form input[name=password]", 20);
    }

    @Test
    @Order(2)
    void pdStaffAwardABadgeAndApproveAnApplication() {
        browser.signIn("pdstaff");
        assertThat(browser.find("#role-pages").getText()).contains("Professional learning").doesNotContain("Pilots");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the staff start page").isEmpty();
        browser.open("/staff/pd.html");
        WebElement educator = browser.visible("#a-educator", 20);
        new Select(browser.find("#a-badge")).selectByValue(awardedBadgeId);
        educator.sendKeys(ELI);
        browser.find("#a-evidence").sendKeys("Completed the inquiry course");
        WebElement award = educator.findElement(By.xpath("./ancestor::form"));
        award.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(award, "Awarded.");

        WebElement application = browser.visible("li[data-award-id='" + applicationId + "']", 20);
        assertThat(application.getText()).contains(APPLIED_BADGE, "Student-led conferences");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the PD page").isEmpty();
        application.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
        browser.waitUpTo(20).until(d -> application.findElement(By.cssSelector(".form-status")).getText().equals("Approved."));
    }

    @Test
    @Order(3)
    void theEducatorMakesTheirPortfolioPublicSeesItAndDownloadsACredential() throws Exception {
        browser.signIn("educator");
        browser.slowlyUpTo(40).until(d -> {
            browser.open("/staff/educator.html");
            browser.awaitBlock("page-body", 15);
            List<WebElement> badges = browser.findAll(".portfolio-badge");
            return badges.size() == 2 && badges.stream().allMatch(b -> b.getText().contains("Awarded"));
        });
        assertThat(browser.find("#page-body").getText()).contains(AWARDED_BADGE, APPLIED_BADGE, "(5 PD hours)");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the educator page").isEmpty();

        // download a credential (Open Badges 3.0): the file the browser saved
        WebElement download = browser.findAll(".portfolio-badge button").get(0);
        download.click();
        // the first credential of a district is signed with a key made on first use: on a loaded machine the button
        // may say "Download failed, try again", and the person would click it again
        browser.waitUpTo(30).until(d -> downloaded(browser.downloads, "-credential.json").isPresent()
                || download.getText().startsWith("Download failed"));
        if (downloaded(browser.downloads, "-credential.json").isEmpty()) {
            log.info("Credential download failed once; trying again as the page offers");
            download.click();
        }
        Path file = browser.waitUpTo(30).until(d -> downloaded(browser.downloads, "-credential.json").orElse(null));
        assertThat(Files.readString(file)).contains("\"credential\"", "OpenBadgeCredential");

        // private by default; the switch makes it public and links to the public page
        WebElement toggle = browser.find("#portfolio-public");
        assertThat(toggle.isSelected()).isFalse();
        toggle.click();
        browser.waitUpTo(20).until(d -> browser.find("#page-body").getText().contains("Your portfolio is public."));
        browser.find(".public-link a").click();
        browser.waitUpTo(20).until(d -> d.getCurrentUrl().endsWith("/districts/" + DISTRICT + "/portfolios/" + ELI));
        browser.slowlyUpTo(30).until(d -> {
            d.navigate().refresh();
            browser.awaitBlock("portfolio", 15);
            return browser.find("#portfolio").getText().contains("Eli Educator");
        });
        assertThat(browser.find("#portfolio").getText()).contains(AWARDED_BADGE, APPLIED_BADGE);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the public portfolio").isEmpty();
    }

    @Test
    @Order(4)
    void thePublicDashboardShowsTheScaledPilotAndThePdFigures() {
        browser.signOut();
        browser.slowlyUpTo(40).until(d -> {
            DistrictPagesBrowserIT.openDashboardUntilReadyExcept(browser);
            return browser.find("#models-body").getText().contains(MODEL)
                    && browser.find("#pd-body").getText().contains(AWARDED_BADGE)
                    && browser.find("#pd-body").getText().contains(APPLIED_BADGE);
        });
        assertThat(browser.find("#models-body").getText()).contains("Scale", "Math proficiency");
        // one educator holds the badges: a small cell, shown as "<10", never the count or the person
        assertThat(browser.find("#pd-body").getText()).contains("<10").doesNotContain("Eli");
    }

    @Test
    @Order(5)
    void aListingTitleMadeOfMarkupStaysTextOnThePartnerPageTheBoardAndTheDashboard() throws Exception {
        browser.submitListingAsPartner(XSS, "Markup in a title must show as text.", "Mondays");
        assertNoScriptRan();

        String staff = shared.token("planner");
        String partnerships = "/api/partnerships/districts/" + DISTRICT;
        JsonNode queue = api.await(partnerships + "/review-queue", staff, q -> q.get("submitted").toString().contains("__xss"));
        String listingId = null;
        for (JsonNode listing : queue.get("submitted")) {
            if (XSS.equals(listing.get("details").get("title").asString())) {
                listingId = listing.get("listingId").asString();
            }
        }
        assertThat(listingId).as("the title is stored as it was typed").isNotNull();
        body(api.post(partnerships + "/listings/" + listingId + "/approval", staff, null), 200);

        browser.signOut();
        browser.slowlyUpTo(40).until(d -> {
            browser.open("/districts/" + DISTRICT + "/opportunities");
            browser.awaitBlock("board", 15);
            return browser.find("#board").getText().contains(XSS);
        });
        assertNoScriptRan();
        browser.slowlyUpTo(40).until(d -> {
            browser.open("/districts/" + DISTRICT);
            browser.awaitBlock("opportunities-body", 15);
            return browser.find("#opportunities-body").getText().contains(XSS);
        });
        assertNoScriptRan();
        assertThat(browser.findAll("#opportunities-body script, #opportunities-body img[src=x], #board img[src=x]")).isEmpty();
    }

    private static void assertNoScriptRan() {
        assertThat(browser.script("return typeof window.__xss")).as("window.__xss").isEqualTo("undefined");
    }

    private static void awaitStatus(WebElement form, String text) {
        browser.waitUpTo(20).until(d -> form.findElement(By.cssSelector(".form-status")).getText().equals(text));
    }

    private static Optional<Path> downloaded(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).filter(f -> f.toFile().length() > 0).findFirst();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
