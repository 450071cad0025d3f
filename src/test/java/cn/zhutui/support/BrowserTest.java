package cn.zhutui.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Chromium (Debian's, at /usr/bin/chromium or $ZHUTUI_CHROMIUM) driven by Playwright
 * against the test server. One browser per test class, a fresh context (cookies) per test. In CI
 * (CI=true) a missing browser fails the build; on a developer machine without one the browser
 * tests are skipped with a message saying how to install it.
 */
public abstract class BrowserTest {

    public static final String DEMO_PASSWORD = "Zhutui2026";

    private static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Path.of(System.getenv().getOrDefault("ZHUTUI_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium not found at " + chromium + ": CI must install it (.ci/run does)");
            }
            assumeTrue(false, "Browser tests skipped: no Chromium at " + chromium + " (apt-get install chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** What the browser refused under the Content-Security-Policy, on any page of the test. */
    protected final java.util.List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openContext() {
        context = browser.newContext(contextOptions());
        context.setDefaultTimeout(15_000);
        watch(context);
        page = context.newPage();
    }

    /** Collects the CSP violations of every page a context opens (a test may open contexts of its own). */
    protected void watch(BrowserContext ctx) {
        ctx.onPage(p -> p.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
                cspViolations.add(p.url() + ": " + m.text());
            }
        }));
    }

    /** Desktop by default; a phone test overrides this. */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900);
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        org.assertj.core.api.Assertions.assertThat(cspViolations).as("scripts and styles the CSP refused").isEmpty();
    }

    @AfterEach
    void closeContext(TestInfo info) {
        if (page != null) {
            try {
                Files.createDirectories(Path.of("target/screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target/screenshots", getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName()
                                + "-" + screen.name().toLowerCase() + "-end.png")));
            } catch (Exception ignored) {
                // a screenshot is a diagnostic; never the reason a test fails
            }
        }
        if (context != null) {
            context.close();
        }
    }

    /** The screen the test now runs at (its context replaced by one of that size). */
    protected Screen screen = Screen.DESKTOP;

    /** Starts the test over in a fresh context of the given size: a phone or the office desktop. */
    protected Page at(Screen size) {
        if (context != null) {
            context.close();
        }
        screen = size;
        context = browser.newContext(size.options());
        context.setDefaultTimeout(15_000);
        watch(context);
        page = context.newPage();
        return page;
    }

    /** A screenshot named after the test class, the step and the screen, to look at (target/screenshots). */
    protected Path shot(String step) {
        Path file = Path.of("target/screenshots", getClass().getSimpleName() + "-" + step + "-" + screen.name().toLowerCase() + ".png");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(file));
        return file;
    }

    /** Waits until htmx (a deferred script) is on the page, before interacting with what it drives. */
    protected void htmxReady() {
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void login(String username, String password) {
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
    }

    /**
     * Chooses by its label an option of a select that sends its page when changed, and waits for
     * the page it sends. The option already chosen sends nothing (no change event), so then there
     * is nothing to wait for: which campaign a page opens on depends on what the tests before made.
     */
    protected void choose(String select, String label) {
        com.microsoft.playwright.Locator s = page.locator(select);
        Object wanted = s.evaluate("(el, label) => { const o = [...el.options].find(o => o.label.trim() === label); return o ? o.value : null; }",
                label);
        if (wanted == null) {
            throw new AssertionError("no option " + label + " in " + select);
        }
        if (wanted.equals(s.inputValue())) {
            return;
        }
        page.waitForNavigation(() -> s.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(label)));
    }
}
