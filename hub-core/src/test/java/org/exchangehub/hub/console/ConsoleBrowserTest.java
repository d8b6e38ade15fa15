package org.exchangehub.hub.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.exchangehub.hub.security.LocalSigningKey;
import org.exchangehub.hub.sso.SsoIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the console's browser tests: the whole hub with the real Keycloak (the single sign-on tests' application
 * context, shared), driven through Debian's headless Chromium and its chromedriver ({@code apt-get install chromium
 * chromium-driver}; .ci/run installs them). One browser per JVM; each test starts signed out.
 *
 * <p>Users are the realm's ({@code keycloak/exchange-hub-realm.json}): zhang.san (department editor, market
 * regulation 11620900MB00000013), wang.wu (reviewer of the same department), zhao.liu (department editor, natural
 * resources 11620900MB00000026), li.si (reviewer and admin, data bureau 11620900MB0000005F). Screenshots go to
 * {@code target/console-screenshots/}.
 */
public abstract class ConsoleBrowserTest extends SsoIntegrationTest {

    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1366, 768);
    public static final Dimension PHONE = new Dimension(390, 844);

    public static final String MARKET_REGULATION = "11620900MB00000013";
    public static final String NATURAL_RESOURCES = "11620900MB00000026";
    public static final String DATA_BUREAU = "11620900MB0000005F";

    private static ChromeDriver browser;

    /** The browser shared by every console test in this JVM (started on first use, quit when the JVM ends). */
    protected static synchronized WebDriver browser() {
        if (browser == null) {
            if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
                throw new IllegalStateException("The console's browser tests need Debian's Chromium and its driver at "
                        + CHROMIUM + " and " + CHROMEDRIVER + ": sudo apt-get install -y chromium chromium-driver "
                        + "(or point -Dconsole.chromium and -Dconsole.chromedriver at another Chromium and matching driver)");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                    "--disable-default-apps", "--lang=zh-CN", "--window-size=1366,768", "--hide-scrollbars");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            ChromeDriver started = browser;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        return browser;
    }

    @BeforeEach
    void startSignedOut() {
        WebDriver b = browser();
        b.manage().window().setSize(DESKTOP);
        // every cookie of every path (Keycloak's live under /realms/…): ends both the hub's and Keycloak's session
        ((ChromeDriver) b).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    /** Opens a console page, signing in at Keycloak's form as {@code username} if the portal session asks for it. */
    protected void signIn(String username, String password) {
        WebDriver b = browser();
        b.get(hubUrl() + "/console");
        waitFor(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")),
                ExpectedConditions.presenceOfElementLocated(By.id("current-user"))));
        if (!b.findElements(By.id("kc-form-login")).isEmpty()) {
            b.findElement(By.id("username")).sendKeys(username);
            b.findElement(By.id("password")).sendKeys(password);
            b.findElement(By.id("kc-login")).click();
        }
        waitFor(ExpectedConditions.textToBe(By.id("current-user"), username));
    }

    /** Opens a console path ({@code /console/...}) and waits until the page has loaded. */
    protected void open(String path) {
        browser().get(hubUrl() + path);
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    protected WebElement find(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected List<WebElement> all(By by) {
        return browser().findElements(by);
    }

    protected <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser(), Duration.ofSeconds(20)).until(condition);
    }

    /** Saves what the window shows as {@code target/console-screenshots/<name>.png} at the desktop size (1366×768). */
    protected Path screenshot(String name) {
        return screenshotAt(name, DESKTOP);
    }

    /** Saves the page at a phone's width (390 px) as {@code <name>-phone.png}, then goes back to the desktop size. */
    protected Path phoneScreenshot(String name) {
        try {
            return screenshotAt(name + "-phone", PHONE);
        } finally {
            browser().manage().window().setSize(DESKTOP);
        }
    }

    private Path screenshotAt(String name, Dimension size) {
        WebDriver b = browser();
        b.manage().window().setSize(size);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            byte[] png = ((ChromeDriver) b).getScreenshotAs(OutputType.BYTES);
            Files.write(target, png);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    /** Does the page overflow the window sideways (a layout broken at this width)? Tables may scroll inside their wrapper. */
    protected boolean pageScrollsSideways() {
        Object wider = ((JavascriptExecutor) browser()).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1");
        return Boolean.TRUE.equals(wider);
    }

    /** Calls the hub's API (to set data up) and returns the answer; fails the test on anything but 2xx. */
    protected String api(String method, String path, String token, String json) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(hubUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(json));
            java.net.http.HttpResponse<String> answer = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Makes sure a department exists (the realm's users act for these codes). */
    protected void department(String code, String name) {
        api("PUT", "/api/departments/" + code, token("admin.li", "admin", null),
                "{\"name\":\"" + name + "\",\"regionCode\":\"620900\"}");
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** A development token of the hub's local key, for setting up data through the API. */
    protected String token(String username, String roles, String department) {
        return LocalSigningKey.inDataDir(hub.dataDir()).issue(username, List.of(roles.split(",")), department,
                Duration.ofMinutes(30));
    }
}
