package dev.confer.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.confer.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Base of browser tests: the whole application (as in {@link ApiTest}) driven by the machine's real
 * headless Chromium through Playwright. Without a Chromium the tests are skipped with a message saying so
 * (the build says it too, before the tests run).
 */
public abstract class BrowserTest extends ApiTest {

    /** Phones first: the size of a common phone screen. */
    protected static final int PHONE_WIDTH = 390;
    protected static final int PHONE_HEIGHT = 844;
    protected static final long SCRIPT_BUDGET_BYTES = 200 * 1024;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void launchChromium() {
        Path chromium = findChromium();
        assumeTrue(chromium != null, "Browser tests SKIPPED: no Chromium found (CONFER_CHROMIUM, /usr/bin/chromium, "
                + "/usr/bin/chromium-browser, /usr/bin/google-chrome). Install it with: apt-get install -y chromium");
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                    .setArgs(List.of("--disable-dev-shm-usage", "--disable-gpu")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close()));
        }
    }

    @AfterAll
    static void keepBrowserForNextClass() {
        // one Chromium for the whole run: it is closed by the shutdown hook
    }

    /** A second Chromium with extra command-line switches (e.g. a fake camera); the caller closes it. */
    protected static Browser launchChromium(List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("--disable-dev-shm-usage", "--disable-gpu"));
        args.addAll(extraArgs);
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(findChromium()).setHeadless(true)
                .setArgs(args));
    }

    static Path findChromium() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("CONFER_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** A fresh browser profile (no cookies) whose preferred language is {@code language}, on a phone-sized screen. */
    protected BrowserContext phone(String language) {
        return phone(language, false);
    }

    /** The same on a laptop or tablet screen (the desk, the organizer). */
    protected BrowserContext laptop(String language) {
        return laptop(language, false);
    }

    /**
     * A phone-sized profile; with {@code bypassCsp} the pages' Content-Security-Policy lets a test inject a
     * script of its own (the accessibility audit injects axe-core), which the real pages never allow.
     */
    protected BrowserContext phone(String language, boolean bypassCsp) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(language).setBypassCSP(bypassCsp)
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setBaseURL("http://localhost:" + port));
    }

    /** A laptop-sized profile, see {@link #phone(String, boolean)}. */
    protected BrowserContext laptop(String language, boolean bypassCsp) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(language).setBypassCSP(bypassCsp)
                .setViewportSize(1280, 900).setBaseURL("http://localhost:" + port));
    }

    /** Opens a page that counts the bytes of JavaScript it loads, see {@link #assertScriptBudget}. */
    protected Page open(BrowserContext context, String path) {
        Page page = context.newPage();
        AtomicLong scriptBytes = new AtomicLong();
        Map<String, Integer> scripts = new java.util.concurrent.ConcurrentHashMap<>();
        page.onResponse((com.microsoft.playwright.Response response) -> {
            if ("script".equals(response.request().resourceType())) {
                try {
                    // by address: a script fetched again (a late answer of the page before a reload, a cache miss)
                    // is the same JavaScript, counted once
                    scripts.put(response.url().replaceFirst("^https?://[^/]+", ""), response.body().length);
                    scriptBytes.set(scripts.values().stream().mapToLong(Integer::longValue).sum());
                } catch (RuntimeException ignored) {
                    // a script whose body is gone (navigation) was counted on the page it belonged to
                }
            }
        });
        page.onFrameNavigated(frame -> {
            if (frame == page.mainFrame()) {
                scriptBytes.set(0);
                scripts.clear();
            }
        });
        SCRIPT_BYTES.put(page, scriptBytes);
        SCRIPTS.put(page, scripts);
        page.setDefaultTimeout(15_000);
        page.navigate(path);
        return page;
    }

    private static final Map<Page, AtomicLong> SCRIPT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Page, Map<String, Integer>> SCRIPTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page loaded no more than 200 KB of distinct JavaScript (uncompressed, by address) since it was last navigated. */
    protected static void assertScriptBudget(Page page) {
        page.waitForLoadState();
        long bytes = SCRIPT_BYTES.get(page).get();
        if (bytes > SCRIPT_BUDGET_BYTES * 3 / 4) {
            System.out.println("script budget: " + bytes + " bytes on " + page.url() + ": " + SCRIPTS.get(page));
        }
        assertThat(bytes).as("JavaScript loaded by " + page.url() + ": " + SCRIPTS.get(page)).isLessThanOrEqualTo(SCRIPT_BUDGET_BYTES);
    }

    /** Waits until htmx has no request in flight and has finished swapping and settling what came back. */
    protected static void htmxIdle(Page page) {
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }

    /** Saves a full-page screenshot to target/screenshots/{name}.png. */
    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Signs in on the staff sign-in page with {@code token}. */
    protected static void signIn(Page page, String token) {
        page.navigate("/login");
        page.locator("#token").fill(token);
        page.locator("form button[type=submit]").last().click();
        page.waitForLoadState();
    }
}
