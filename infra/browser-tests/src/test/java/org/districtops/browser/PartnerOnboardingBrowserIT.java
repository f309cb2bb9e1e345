package org.districtops.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.districtops.browser.SharedPlatform.DISTRICT;
import static org.districtops.browser.SharedPlatform.TODAY;
import static org.districtops.testsupport.ApiClient.body;

/**
 * District staff onboard a new partner organisation on the partners page and bring it into good standing: it is
 * listed as not yet able to publish, with what it lacks, until its agreement and both attestations are recorded.
 * Bad input (no name; an agreement that ends before it starts; an id already taken) shows the service's error at the
 * field it names and changes nothing. axe-core checks the page.
 */
@Order(4)
@ExtendWith(SharedPlatform.Start.class)
class PartnerOnboardingBrowserIT {

    private static final String PARTNER = "riverside-robotics";
    private static final String NAME = "Riverside Robotics Club";
    /** The goal of the plan SharedPlatform seeds. */
    private static final String GOAL_TITLE = "Every learner on a personal pathway";

    private static SharedPlatform shared;
    private static Browser browser;

    @BeforeAll
    static void platform() {
        shared = SharedPlatform.get();
        browser = shared.browser;
    }


    @Test
    void districtStaffOnboardAPartnerAndRecordItsAgreementAndAttestationsUntilItCanPublish() throws Exception {
        browser.signIn("planner");
        browser.find("#role-pages a[href='/staff/partners.html']").click();
        WebElement demo = browser.visible("li[data-partner-id='demo-partner']", 20);
        assertThat(demo.getAttribute("data-standing")).as("the seeded demo partner").isEqualTo("good");
        assertThat(demo.getText()).contains("Can publish listings");

        // no name: the service names the field, and nothing is onboarded (the next onboarding of the id succeeds)
        WebElement onboard = browser.find(".onboard-form");
        browser.find("#p-partnerId").sendKeys(PARTNER);
        browser.find("#p-website").sendKeys("https://riverside.example.org");
        onboard.findElement(By.cssSelector("button[type=submit]")).click();
        awaitError(onboard);
        assertThat(browser.visible("#p-name-error", 5).getText()).isNotBlank();
        assertThat(browser.find("#p-name").getAttribute("aria-invalid")).isEqualTo("true");

        browser.find("#p-name").sendKeys(NAME);
        new Select(browser.find("#p-type")).selectByValue("COMMUNITY_ORGANISATION");
        browser.find("#p-description").sendKeys("After-school robotics for middle and high school students");
        onboard.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(onboard, "Onboarded " + NAME);
        assertThat(browser.findAll("#p-name-error")).isEmpty();

        WebElement partner = browser.visible("li[data-partner-id='" + PARTNER + "']", 20);
        assertThat(partner.getAttribute("data-standing")).isEqualTo("not-yet");
        assertThat(partner.getText()).contains(NAME, "Community organisation", "Cannot publish listings yet",
                "no agreement on record", "no liability insurance attestation", "no background checks attestation");
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the partners page").isEmpty();

        // the same id again: 409, shown at the partner id
        browser.find("#p-partnerId").sendKeys(PARTNER);
        browser.find("#p-name").sendKeys("Someone else");
        onboard.findElement(By.cssSelector("button[type=submit]")).click();
        awaitError(onboard);
        assertThat(browser.visible("#p-partnerId-error", 5).getText()).contains("already taken");

        // an agreement that ends before it starts: the error names "end" and no agreement is recorded
        partner.findElement(By.xpath(".//summary[normalize-space()='Set or renew the agreement']")).click();
        WebElement agreement = partner.findElement(By.cssSelector(".agreement-form"));
        WebElement end = agreement.findElement(By.name("end"));
        browser.script("arguments[0].value = arguments[1]", end, TODAY.minusDays(1).toString());
        agreement.findElement(By.cssSelector("button[type=submit]")).click();
        awaitError(agreement);
        assertThat(browser.visible("#ag-end-" + PARTNER + "-error", 5).getText()).contains("after start");
        String staff = shared.token("planner");
        String partnerApi = "/api/partnerships/districts/" + DISTRICT + "/partners/" + PARTNER;
        assertThat(body(shared.api.get(partnerApi, staff), 200).get("agreement").isNull())
                .as("no half-recorded agreement").isTrue();
        assertThat(state(partner)).contains("no agreement on record");

        // a year's agreement serving the plan's goal
        browser.script("arguments[0].value = arguments[1]", end, TODAY.plusYears(1).toString());
        agreement.findElement(By.cssSelector("input[name=goalIds][value='" + shared.goalId + "']")).click();
        agreement.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(agreement, "Agreement recorded");
        // the page redraws the partner once the read side has the agreement and the standing it brought
        browser.waitUpTo(20).until(d -> state(partner).contains(GOAL_TITLE) && !state(partner).contains("no agreement on record"));
        assertThat(state(partner))
                .contains("no liability insurance attestation", "Cannot publish listings yet");

        // both attestations
        partner.findElement(By.xpath(".//summary[normalize-space()='Record an attestation']")).click();
        WebElement attestation = partner.findElement(By.cssSelector(".attestation-form"));
        for (String[] attest : new String[][] {{"LIABILITY_INSURANCE", "INS-2026-114", "Liability insurance recorded"},
                {"BACKGROUND_CHECKS", "BGC-88", "Background checks recorded"}}) {
            new Select(attestation.findElement(By.name("type"))).selectByValue(attest[0]);
            attestation.findElement(By.name("reference")).sendKeys(attest[1]);
            attestation.findElement(By.cssSelector("button[type=submit]")).click();
            awaitStatus(attestation, attest[2]);
            browser.waitUpTo(20).until(d -> state(partner).contains(attest[1]));
        }
        browser.waitUpTo(20).until(d -> "good".equals(partner.getAttribute("data-standing")));
        assertThat(state(partner)).contains("Can publish listings", "INS-2026-114", "BGC-88").doesNotContain("Cannot publish");
        JsonNode view = body(shared.api.get(partnerApi, staff), 200);
        assertThat(view.get("goodStanding").asBoolean()).isTrue();
        assertThat(view.get("agreement").get("goalIds").toString()).contains(shared.goalId);
        assertThat(browser.seriousAccessibilityViolations()).as("axe-core on the partners page, forms open").isEmpty();
        if (DistrictPagesBrowserIT.screenshotFolder() != null) {
            browser.resize(1280, 2300);
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot(DistrictPagesBrowserIT.screenshotFolder().resolve("staff-partners.png"));
            browser.resize(1280, 1000);
        }
    }

    /**
     * The partner's standing, agreement and attestations as shown (not the forms below them); read in one script
     * because the page redraws that part when the read side catches up.
     */
    private static String state(WebElement partner) {
        return String.valueOf(browser.script("return arguments[0].querySelector('.partner-state').innerText", partner));
    }

    private static void awaitStatus(WebElement form, String start) {
        browser.waitUpTo(20).until(d -> form.findElement(By.cssSelector(".form-status")).getText().startsWith(start));
    }

    private static void awaitError(WebElement form) {
        browser.waitUpTo(20).until(d -> form.findElement(By.cssSelector(".form-status")).getAttribute("class").contains("error"));
    }
}
