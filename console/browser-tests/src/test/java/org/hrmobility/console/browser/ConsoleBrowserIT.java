package org.hrmobility.console.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in headless Chromium against the whole suite as {@code ./run-local} starts it, through the gateway,
 * with the demo users logging in on the identity provider's real login page. axe-core checks every console page
 * visited for WCAG 2.1 A and AA violations: one is a failure. Skipped, with the reason, without Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(ConsoleBrowserIT.Evidence.class)
class ConsoleBrowserIT {

    /** The suite decides dates in Brussels: "today" here is its today, not the test machine's. */
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** On a failure, every open browser's page (HTML and PNG) into target/browser-evidence, to see what the person saw. */
    static final class Evidence implements org.junit.jupiter.api.extension.TestWatcher {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
            browsers.forEach((user, browser) -> browser.evidence(Path.of("target/browser-evidence"),
                    context.getRequiredTestMethod().getName() + "-" + user));
        }
    }

    private static LaunchedSuite suite;
    private static Axe axe;
    private static final Map<String, Browser> browsers = new LinkedHashMap<>();
    private static String emmasCase;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Browser.available(), "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                + "apt-get install -y chromium chromium-driver; the browser tests are skipped");
        axe = new Axe(Path.of(System.getProperty("axe.script", "target/axe/package/axe.min.js")));
        suite = LaunchedSuite.start(Path.of(System.getProperty("hrm.home", "../..")).toAbsolutePath().normalize(),
                Integer.getInteger("hrm.browser.gateway-port", 8080));
    }

    @AfterAll
    static void stop() {
        browsers.values().forEach(Browser::close);
        if (suite != null) {
            suite.close();
            System.out.printf("Console browser tests: suite ready in %.1f s; axe-core checked %d pages%n", suite.readySeconds(),
                    axe.checked().size());
        }
    }

    private static Browser as(String user) {
        return browsers.computeIfAbsent(user, u -> {
            Browser browser = new Browser(u, suite, axe);
            try {
                return browser.login();
            } catch (RuntimeException | AssertionError e) {
                // the page the login ended on, then no Chromium left behind
                browser.evidence(Path.of("target/browser-evidence"), "login-" + u);
                browser.close();
                throw e;
            }
        });
    }

    @Test
    @Order(1)
    @DisplayName("BFF login: hana, lars, emma and bea log in on the identity provider's page and land on their worklist; the browser holds only an HttpOnly, Secure, SameSite=Lax session cookie, no token")
    void login() {
        for (String user : new String[] {"hana", "lars", "emma", "bea"}) {
            Browser browser = as(user);
            assertThat(browser.path()).startsWith("/console");
            assertThat(browser.heading()).isEqualTo("Werklijst");
            // the workbench's items, or (while its API is not routed yet) an empty list with a notice: never an error page
            assertThat(browser.has("#worklist-results")).isTrue();
            assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
            assertThat(browser.text(".who")).isNotBlank();
            Cookie session = browser.driver.manage().getCookieNamed("HRM_CONSOLE");
            assertThat(session).as("the console's session cookie").isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            assertThat((String) js.executeScript("return document.cookie")).as("HttpOnly: no cookie readable by scripts").doesNotContain("HRM_CONSOLE");
            assertThat((Long) js.executeScript("return window.localStorage.length + window.sessionStorage.length")).isZero();
            // a JWT starts with eyJ (base64 of '{"'): none in the page, in any cookie the console set, or in storage
            assertThat(browser.driver.getPageSource()).doesNotContain("eyJ");
            browser.driver.manage().getCookies().forEach(c -> assertThat(c.getValue()).doesNotStartWith("eyJ"));
        }
        as("hana").screenshot("worklist");
    }

    /** Submits a form until the services' copies of master data (they come over Kafka) know the employee. */
    private static void untilAccepted(Browser browser, String formId, Runnable fill) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            fill.run();
            browser.submit(formId);
            return !browser.has(".problem");
        });
    }

    @Test
    @Order(2)
    @DisplayName("R-RED-1..4 in the browser: hana opens emma's case, lars records the guidance, hana admits her, emma refuses two offers, the third (a vacancy) places her ex officio; refusals show the rule and the field errors next to the form")
    void redeploymentToPlacementExOfficio() {
        LocalDate today = LocalDate.now(BRUSSELS);
        Browser hana = as("hana");
        hana.open("/console/cases");
        untilAccepted(hana, "open-form", () -> hana.type("open-employeeId", "E-0003"));
        assertThat(hana.path()).matches("/console/cases/[0-9a-f-]{36}");
        emmasCase = hana.path();
        assertThat(hana.text("#case-status")).isEqualTo("Geopend");
        assertThat(hana.has("#admissibility-form")).as("admissibility waits for the guidance trajectory (R-RED-1)").isFalse();
        hana.screenshot("case-opened");

        Browser lars = as("lars");
        lars.open(emmasCase);
        // a trajectory that ends before it starts: the API's errors[] shown at the form
        lars.date("guidance-from", today.minusMonths(2).toString()).date("guidance-to", today.minusMonths(8).toString())
                .type("guidance-actions", "coaching\ntraining").submit("guidance-form");
        assertThat(lars.text(".problem")).contains("the trajectory cannot end before it starts");
        lars.date("guidance-from", today.minusMonths(8).toString()).date("guidance-to", today.minusMonths(1).toString())
                .type("guidance-actions", "coaching\ntraining").submit("guidance-form");
        assertThat(lars.has(".problem")).isFalse();
        assertThat(lars.text(".flash")).contains("begeleidingstraject");
        assertThat(lars.has("#admissibility-form")).as("admissibility is HR's").isFalse();

        hana.open(emmasCase).click("admissibility-redeployable-yes").type("admissibility-motivation", "broad policy profile")
                .submit("admissibility-form");
        assertThat(hana.text("#case-status")).isEqualTo("In de herplaatsingspool");

        // R-RED-3: a higher grade is refused, with the rule and its text next to the form
        hana.type("offer-free-title", "Head of unit").type("offer-free-grade", "A1").submit("offer-free-form");
        assertThat(hana.text(".problem .rule")).contains("R-RED-3");
        assertThat(hana.text(".problem")).contains("B2");
        // a grade the API does not read: its error next to the grade field
        hana.type("offer-free-title", "Adviser").type("offer-free-grade", "X9").submit("offer-free-form");
        assertThat(hana.has("#offer-free-grade-error")).isTrue();
        assertThat(hana.driver.findElement(By.id("offer-free-grade")).getDomAttribute("aria-invalid")).isEqualTo("true");

        Browser emma = as("emma");
        for (String[] offer : new String[][] {{"Policy adviser", "B2", "two hours commute"}, {"Analyst", "B1", "not my field"}}) {
            hana.open(emmasCase).type("offer-free-title", offer[0]).type("offer-free-grade", offer[1]).submit("offer-free-form");
            assertThat(hana.has(".problem")).isFalse();
            emma.open(emmasCase);
            assertThat(emma.has("#offer-free-form")).as("offers are HR's").isFalse();
            // refusing without a reason: the field's error from errors[]
            emma.submit("refuse-form");
            assertThat(emma.has("#answer-reason-error")).isTrue();
            emma.type("answer-reason", offer[2]).submit("refuse-form");
            assertThat(emma.has(".problem")).isFalse();
        }
        assertThat(emma.text("#case-refusals")).isEqualTo("2");
        emma.screenshot("case-employee");

        hana.open(emmasCase);
        assertThat(hana.has("#ex-officio-warning")).as("R-RED-4: the third offer places ex officio").isTrue();
        hana.choose("offer-vacancy-vacancyId", "JP-2026-0401").submit("offer-vacancy-form");
        assertThat(hana.text("#case-status")).isEqualTo("Herplaatst");
        assertThat(hana.text("#case-placement")).contains("ambtshalve");
        assertThat(hana.all("#timeline li")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(hana.text("#timeline")).contains("placed ex officio");
        hana.screenshot("case-placed");
        emma.open(emmasCase);
        assertThat(emma.has("#refuse-form")).as("an ex officio placement cannot be answered").isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("R-EVA-3/R-EVA-7 in the browser: lars records an INSUFFICIENT for ezra (dated in the past), the follow-up opens six months on, a guidance action, an evaluation too early is refused with its rule, one six months later counts; hana sees the file and its history")
    void evaluationFollowUp() {
        LocalDate first = LocalDate.now(BRUSSELS).minusMonths(12);
        LocalDate second = first.plusMonths(7);
        Browser lars = as("lars");
        lars.open("/console/evaluations/E-0004");
        assertThat(lars.text("#file-state")).isEqualTo("Geen opvolging");
        record(lars, first.minusMonths(6), first, "INSUFFICIENT");
        assertThat(lars.has(".problem")).isFalse();
        assertThat(lars.text("#file-state")).isEqualTo("Opvolging loopt");
        assertThat(lars.driver.findElement(By.cssSelector("#file-earliest-next time")).getDomAttribute("datetime"))
                .isEqualTo(first.plusMonths(6).toString());
        lars.type("guidance-action", "performance talk every month").submit("guidance-form");
        assertThat(lars.text("#guidance-actions")).contains("performance talk every month");
        // R-EVA-3: not six months after the INSUFFICIENT
        record(lars, first.plusDays(1), first.plusMonths(3), "GOOD");
        assertThat(lars.text(".problem .rule")).contains("R-EVA-3");
        // R-EVA-7: not post-dated
        record(lars, first.plusDays(1), LocalDate.now(BRUSSELS).plusDays(3), "GOOD");
        assertThat(lars.text(".problem .rule")).contains("R-EVA-7");
        record(lars, first.plusDays(1), second, "SUFFICIENT");
        assertThat(lars.has(".problem")).isFalse();
        assertThat(lars.text("#file-counted")).isEqualTo("1 / 4");
        lars.screenshot("evaluation-file");

        Browser hana = as("hana");
        hana.open("/console/evaluations?state=FOLLOW_UP_OPEN");
        assertThat(hana.text("main")).contains("E-0004");
        hana.open("/console/evaluations/E-0004");
        assertThat(hana.all("#evaluations tbody tr")).hasSize(2);
        assertThat(hana.text("#timeline")).contains("follow-up opened").contains("guidance action recorded");
        assertThat(hana.has("#correction-form")).as("HR corrects (R-COR-1)").isTrue();
        hana.open("/console/evaluations/dismissal-proposals");
        hana.open("/console/evaluations/probations");
    }

    private static void record(Browser browser, LocalDate from, LocalDate on, String rating) {
        browser.date("evaluation-periodFrom", from.toString()).date("evaluation-periodTo", on.toString())
                .date("evaluation-evaluatedOn", on.toString()).choose("evaluation-rating", rating).submit("evaluation-form");
    }

    @Test
    @Order(4)
    @DisplayName("R-MOB-1..5 in the browser: hana opens a call, emma applies for six months, lars agrees as line manager, hana records the host's agreement: approved with half the costs from central funds (R-MOB-3)")
    void applicationWithBothAgreements() {
        LocalDate start = LocalDate.now(BRUSSELS).plusMonths(2);
        Browser hana = as("hana");
        hana.open("/console/mobility").type("call-title", "Exchange with the Netherlands").submit("call-form");
        assertThat(hana.has(".problem")).isFalse();
        assertThat(hana.path()).matches("/console/mobility/calls/[0-9a-f-]{36}");
        String call = hana.path();

        Browser emma = as("emma");
        emma.open(call).type("apply-host", "Dutch Ministry of the Interior").date("apply-startsOn", start.toString())
                .date("apply-endsOn", start.plusMonths(6).minusDays(1).toString()).type("apply-travel", "1500,01").type("apply-stay", "0")
                .submit("apply-form");
        assertThat(emma.has(".problem")).isFalse();
        assertThat(emma.path()).matches("/console/mobility/applications/[0-9a-f-]{36}");
        String application = emma.path();
        assertThat(emma.text("#application-status")).isEqualTo("Ingediend");
        assertThat(emma.has("#line-manager-form")).as("the employee does not agree for her line manager").isFalse();

        Browser lars = as("lars");
        lars.open(application);
        assertThat(lars.has("#host-form")).as("R-MOB-5: the host only after the line manager").isFalse();
        lars.click("lineManager-agreed-yes").submit("line-manager-form");
        assertThat(lars.text("#application-status")).isEqualTo("Akkoord leidinggevende");

        hana.open(application).click("host-agreed-yes").submit("host-form");
        assertThat(hana.text("#application-status")).isEqualTo("Goedgekeurd");
        assertThat(hana.text("#central-share")).contains("750,01");
        hana.screenshot("application-approved");
        emma.open("/console/my");
        assertThat(emma.text("#my-applications")).contains("Goedgekeurd");
        emma.screenshot("my-files");
        hana.open("/console/mobility/secondments");
        hana.open("/console/mobility/allowances");
        hana.open("/console/mobility/talent");
        hana.open("/console/mobility/inbound-transfers");
    }

    @Test
    @Order(9)
    @DisplayName("R-MOB-8 in the browser: emma offers her talents, lars consents, hana asks for them in a request and sees emma's offer ranked with its explanation, and assigns it")
    void talentMarketplace() {
        LocalDate from = LocalDate.now(BRUSSELS).plusMonths(2);
        LocalDate to = from.plusMonths(4);
        Browser emma = as("emma");
        emma.open("/console/mobility/talent").type("talent-offers-skills", "GIS\ndata-analysis").type("talent-offers-sharePercent", "20")
                .date("talent-offers-from", from.toString()).date("talent-offers-to", to.toString()).submit("talent-offers-form");
        assertThat(emma.has(".problem")).isFalse();
        assertThat(emma.path()).matches("/console/mobility/talent-offers/[0-9a-f-]{36}");
        String offer = emma.path();
        assertThat(emma.has("#consent-form")).as("R-MOB-8: the line manager consents, not the employee").isFalse();

        Browser lars = as("lars");
        lars.open(offer).click("consent-given-yes").submit("consent-form");
        assertThat(lars.has(".problem")).isFalse();
        assertThat(lars.text("main")).contains("PUBLISHED");

        Browser hana = as("hana");
        hana.open("/console/mobility/talent").type("talent-requests-title", "Open data map").type("talent-requests-skills", "gis")
                .type("talent-requests-sharePercent", "20").date("talent-requests-from", from.toString())
                .date("talent-requests-to", to.toString()).submit("talent-requests-form");
        assertThat(hana.has(".problem")).isFalse();
        assertThat(hana.all(".match")).isNotEmpty();
        assertThat(hana.text(".match")).contains("E-0003");
        assertThat(hana.text(".match p")).isNotBlank();
        hana.screenshot("talent-matches");
        hana.driver.findElement(By.cssSelector(".match form")).findElement(By.tagName("button")).click();
        new WebDriverWait(hana.driver, Browser.WAIT).until(d -> d.getCurrentUrl().contains("done=assigned"));
        hana.settle();
        hana.checkAccessibility();
        assertThat(hana.text("main")).contains("ASSIGNED");
    }

    @Test
    @Order(5)
    @DisplayName("Live inbox: a notification appears in emma's open inbox, without reloading, when hana opens a case for her; the browser's stream goes to the console, never to the API with a token")
    void notificationArrivesLive() {
        Browser emma = as("emma");
        emma.open("/console/notifications");
        int before = emma.all("#inbox > li").size();
        Object marker = ((JavascriptExecutor) emma.driver).executeScript("window.__sameDocument = 'yes'; return window.__sameDocument");
        assertThat(marker).isEqualTo("yes");
        // the stream is open before the event happens
        new WebDriverWait(emma.driver, Browser.WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const data = document.querySelector('#inbox')['htmx-internal-data'];"
                        + "return !!(data && data.sseEventSource && data.sseEventSource.readyState === 1)")));

        Browser hana = as("hana");
        hana.open("/console/cases");
        untilAccepted(hana, "open-form", () -> hana.type("open-employeeId", "E-0003"));
        String newCase = hana.path();

        new WebDriverWait(emma.driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#inbox > li")).size() > before);
        assertThat(((JavascriptExecutor) emma.driver).executeScript("return window.__sameDocument")).as("no reload").isEqualTo("yes");
        assertThat(emma.text("#inbox > li:first-child")).isNotBlank();
        emma.checkAccessibility();
        emma.screenshot("inbox-live");
        // marking one read is an htmx POST with the CSRF token as a header: the item is replaced in place
        int unread = emma.all("#inbox > li.unread").size();
        emma.driver.findElement(By.cssSelector("#inbox > li.unread form button")).click();
        new WebDriverWait(emma.driver, Browser.WAIT).until(d -> d.findElements(By.cssSelector("#inbox > li.unread")).size() == unread - 1);
        assertThat(((JavascriptExecutor) emma.driver).executeScript("return window.__sameDocument")).as("no reload").isEqualTo("yes");
        emma.checkAccessibility();
        // the stream's requests went to the console: no request of the page went to /api/
        assertThat((Boolean) ((JavascriptExecutor) emma.driver).executeScript(
                "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/'))")).isFalse();
        hana.open(newCase).type("close-reason", "registered by mistake").submit("close-form");
        assertThat(hana.text("#case-status")).isEqualTo("Afgesloten");
        assertThat(hana.has("#reopen-form")).as("R-COR-1: a closed case can be reopened").isTrue();
    }

    @Test
    @Order(6)
    @DisplayName("Access: bea cannot reach emma's case by its URL (the 404 page, as the API answers); bea sees the figures as charts")
    void anotherEmployeesCaseIsNotFound() {
        Browser bea = as("bea");
        bea.open(emmasCase);
        assertThat(bea.heading()).isEqualTo("Niet gevonden");
        assertThat(bea.driver.getPageSource()).doesNotContain("Emma Peeters");
        bea.open("/console/cases/not-a-case");
        assertThat(bea.heading()).isEqualTo("Niet gevonden");
        bea.open("/console/figures");
        assertThat(bea.all(".chart svg")).isNotEmpty();
        assertThat(bea.text("#figures-redeployment")).contains("DEPT-WSE");
        bea.screenshot("figures");
    }

    @Test
    @Order(7)
    @DisplayName("Language: emma switches to English in the header; pages say lang=en, and her preference is kept for her next login")
    void languageSwitch() {
        Browser emma = as("emma");
        emma.open("/console/my");
        emma.driver.findElement(By.cssSelector("form.language button[value=en]")).click();
        awaitLanguage(emma, "en");
        emma.checkAccessibility();
        assertThat(emma.heading()).isEqualTo("My files");
        emma.open("/console/notifications/preferences");
        assertThat(emma.driver.findElement(By.cssSelector("#preferences-language option[value=en]")).isSelected()).isTrue();
        emma.driver.findElement(By.cssSelector("form.language button[value=nl]")).click();
        awaitLanguage(emma, "nl");
    }

    /**
     * Waits until the page says this language. The click loads a new page: the old one's root element can go away
     * between finding it and reading it, which the browser reports as an error, so those are tried again.
     */
    private static void awaitLanguage(Browser browser, String lang) {
        new WebDriverWait(browser.driver, Browser.WAIT).ignoring(WebDriverException.class)
                .until(d -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    @Test
    @Order(8)
    @DisplayName("Logout ends the console's session and the identity provider's (RP-initiated logout): the console says so, then asks for the password again; a deep link then leads through the login to that page")
    void logoutEndsBothSessions() {
        Browser hana = as("hana");
        try {
            signOutAndFollowDeepLink(hana);
        } finally {
            browsers.remove("hana").close();
        }
    }

    private void signOutAndFollowDeepLink(Browser hana) {
        hana.open("/console");
        hana.driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(hana.driver, Browser.WAIT).until(ExpectedConditions.urlContains("/console/signed-out"));
        hana.settle();
        hana.checkAccessibility();
        hana.driver.get(suite.console());
        new WebDriverWait(hana.driver, Browser.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertThat(hana.driver.getCurrentUrl()).as("not signed in again silently").doesNotContain("/console");
        // a deep link (as in a notification e-mail) leads through the login to that page
        hana.driver.get(suite.gateway() + emmasCase);
        new WebDriverWait(hana.driver, Browser.WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        hana.driver.findElement(By.name("username")).sendKeys("hana");
        hana.driver.findElement(By.name("password")).sendKeys("hana");
        hana.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(hana.driver, Browser.WAIT).until(ExpectedConditions.urlContains(emmasCase));
        hana.settle();
        assertThat(hana.heading()).isEqualTo("Herplaatsing van Emma Peeters");
        hana.checkAccessibility();
    }
}
