package io.tidecrm.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java, never a downloaded browser: one for the whole
 * test run, launched by {@link BrowserExtension} on first use and closed at the end. Where
 * Chromium is missing the browser tests are skipped with a hint, except in CI (CI=true), where
 * they fail.
 */
final class Chromium implements AutoCloseable {

    static final Path PATH = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(PATH)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Starts Chromium, or skips the calling test (fails it in CI) when it is not installed. */
    static Chromium launch() {
        boolean present = Files.isExecutable(PATH);
        String hint = "Chromium not found at " + PATH
                + ": install it with 'apt-get install -y chromium fonts-wqy-microhei' to run the browser tests";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(hint);
        }
        Assumptions.assumeTrue(present, hint);
        return new Chromium();
    }

    /** A fresh browser profile (cookies, storage) with a phone-or-desktop viewport, in Chinese. */
    BrowserContext newContext(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
