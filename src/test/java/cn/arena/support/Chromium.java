package cn.arena.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, for the browser journeys. Playwright's own browser download cannot
 * reach the internet here, so it launches {@code /usr/bin/chromium} (which {@code .ci/run} installs); where that is
 * missing the journey is skipped with a message saying so.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;

    private Chromium(int port) {
        this.base = "http://localhost:" + port;
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run")));
    }

    /** Launches Chromium against Arena on {@code port}, or skips the test when Chromium is not installed. */
    public static Chromium launch(int port) {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "Debian's chromium is not installed: apt-get install chromium fonts-noto-cjk");
        return new Chromium(port);
    }

    /** A fresh browser context (own cookies) with a Chinese-speaking user and the given screen size. */
    public Page page(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")).newPage();
    }

    /** The same, for a browser whose clock runs in {@code timezoneId} (e.g. "UTC"), as a laptop set to another zone. */
    public Page page(int width, int height, String timezoneId) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId(timezoneId)).newPage();
    }

    /** Saves what the page shows to {@code target/screenshots/<name>.png}, for people to look at. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }

    /** A phone: like {@link #page}, with a touch screen, so that {@code Page.tap} taps as a finger does. */
    public Page touchPage(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setHasTouch(true).setIsMobile(true)).newPage();
    }

    /** Signs in through the login form and waits for the home page. */
    public void login(Page page, String username, String password) {
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("#login-submit");
        page.waitForURL(base + "/");
    }

    public String url(String path) {
        return base + path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
