package org.districtops.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (never a downloaded one: Selenium Manager is not
 * used because the driver and browser paths are given), with a fresh profile per run.
 */
final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = System.getProperty("dop.chromedriver", "/usr/bin/chromedriver");
    static final String CHROMIUM = System.getProperty("dop.chromium", "/usr/bin/chromium");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    final ChromeDriver driver;
    /** Where the browser saves downloads (no prompt). */
    final Path downloads;
    private final String base;
    private final Path profile;

    Browser(String base) throws IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("dop-chromium-");
        this.downloads = Files.createDirectories(profile.resolve("downloads"));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute();
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    }

    /** For conditions that reload a page: poll once a second, not ten times. */
    WebDriverWait slowlyUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofSeconds(1));
    }

    /** Waits until the block (an element with data-state) left "loading" and returns its state. */
    String awaitBlock(String id, int seconds) {
        waitUpTo(seconds).until(d -> {
            String state = d.findElement(By.id(id)).getAttribute("data-state");
            return state != null && !state.equals("loading");
        });
        return driver.findElement(By.id(id)).getAttribute("data-state");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement visible(String css, int seconds) {
        return waitUpTo(seconds).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Signs in on /staff/ as a person would: the gateway sends an anonymous browser to the authorization server's
     * login form (fields username and password; every demo account's password is "demo") and back to /staff/, which
     * lists the pages of the user's roles.
     */
    void signIn(String username) {
        signOut();
        open("/staff/");
        visible("form input[name=username]", 20).sendKeys(username);
        find("form input[name=password]").sendKeys("demo");
        find("form button[type=submit], form input[type=submit]").click();
        visible("#role-pages li", 20);
    }

    /**
     * Signs in as the demo partner and submits a listing on the partner page, as the partner would; returns once the
     * page says "Submitted" and lists the new title.
     */
    void submitListingAsPartner(String title, String description, String schedule) {
        signIn("partner");
        open("/staff/partner.html");
        visible("#l-title", 20).sendKeys(title);
        find("#l-pathway").sendKeys("Engineering");
        find("#l-description").sendKeys(description);
        find("#l-location").sendKeys("12 Main St");
        find("#l-schedule").sendKeys(schedule);
        find("#l-contactEmail").sendKeys("parker@example.org");
        find(".listing-form button[type=submit]").click();
        waitUpTo(20).until(d -> find(".listing-form .form-status").getText().startsWith("Submitted"));
        waitUpTo(30).until(d -> find("#page-body").getText().contains(title));
    }

    /**
     * Forgets every sign-in by deleting the cookies (the gateway's and the authorization server's sessions, both on
     * localhost); signing out through the pages is tested on its own.
     */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    /** axe-core over the page (WCAG 2.0/2.1 A and AA rules); the serious and critical violations, described. */
    String seriousAccessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        if (results.getErrorMessage() != null) {
            throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(Browser::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", "));
    }

    /** Bytes the page transferred (document, scripts, styles, API answers), images excluded: Performance API. */
    long pageWeightWithoutImages() {
        Object bytes = script("""
                const size = e => Math.max(e.transferSize || 0, e.encodedBodySize || 0);
                const isImage = e => e.initiatorType === 'img' || e.initiatorType === 'image'
                    || /\\.(png|jpe?g|gif|svg|webp|avif|ico)(\\?|$)/i.test(e.name);
                const nav = performance.getEntriesByType('navigation')[0];
                return (nav ? size(nav) : 0) + performance.getEntriesByType('resource')
                    .filter(e => !isImage(e)).reduce((sum, e) => sum + size(e), 0);""");
        return ((Number) bytes).longValue();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
