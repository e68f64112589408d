package org.hrmobility.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: headless Chromium from Debian with a fresh profile, signed in through the identity provider's
 * real login page. Every console page it shows is checked with axe-core.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    final String user;
    private final LaunchedSuite suite;
    private final Axe axe;
    private final Path profile;
    final WebDriver driver;

    Browser(String user, LaunchedSuite suite, Axe axe) {
        this.user = user;
        this.suite = suite;
        this.axe = axe;
        try {
            this.profile = Files.createTempDirectory("hrm-chromium-" + user + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=nl-BE");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Through the console to the identity provider's login page, the demo user's password, and back to the console. */
    Browser login() {
        driver.get(suite.console());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(driver.getCurrentUrl()).as("the identity provider's login page").contains("/login").doesNotContain("/console");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(user);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/console"));
        settle();
        checkAccessibility();
        return this;
    }

    /** A console page by its path, e.g. {@code /console/cases}; checked with axe. */
    Browser open(String path) {
        driver.get(suite.gateway() + path);
        settle();
        checkAccessibility();
        return this;
    }

    /** Submits a form by its id (its submit button), waits for the next page, checks it. */
    Browser submit(String formId) {
        WebElement form = driver.findElement(By.id(formId));
        WebElement button = form.findElement(By.cssSelector("button[type=submit]"));
        WebElement html = driver.findElement(By.tagName("html"));
        // as the button would (the browser's own validation first); a click races the navigation it starts in Chromium
        ((JavascriptExecutor) driver).executeScript("arguments[0].requestSubmit(arguments[1])", form, button);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(html));
        settle();
        checkAccessibility();
        return this;
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** A date field, as the browser's date input takes it (the value set directly: the typed format depends on the locale). */
    Browser date(String id, String isoDay) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), isoDay);
        return this;
    }

    Browser choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    Browser click(String id) {
        driver.findElement(By.id(id)).click();
        return this;
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String heading() {
        return text("h1");
    }

    /** The page's path, without the query (a command's redirect says what was done there). */
    String path() {
        String path = driver.getCurrentUrl().replace(suite.gateway(), "");
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    void settle() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    void checkAccessibility() {
        String page = user + " " + path();
        assertThat(axe.violations(driver, page)).as("axe-core violations (WCAG 2.1 A/AA) on %s", page).isEmpty();
    }

    /** With -Dconsole.screenshots=DIR, the page as a PNG in DIR (docs/console for the README). */
    void screenshot(String name) {
        String directory = System.getProperty("console.screenshots", "");
        if (directory.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(directory));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void evidence(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // evidence is best effort
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind
        }
    }
}
