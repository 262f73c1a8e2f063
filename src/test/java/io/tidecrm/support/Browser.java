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
 * Debian's Chromium driven by Playwright for Java, never a downloaded browser. Where Chromium
 * is missing the browser tests are skipped with a hint, except in CI (CI=true), where they fail.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** Starts Chromium, or skips the calling test (fails it in CI) when it is not installed. */
    public static Browser launch() {
        boolean present = Files.isExecutable(CHROMIUM);
        String hint = "Chromium not found at " + CHROMIUM
                + ": install it with 'apt-get install -y chromium fonts-wqy-microhei' to run the browser tests";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(hint);
        }
        Assumptions.assumeTrue(present, hint);
        return new Browser();
    }

    /** A fresh browser profile (cookies, storage) with a phone-or-desktop viewport. */
    public BrowserContext newContext(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
    }

    /** Signs in through the real sign-in page (Chinese labels) and waits for the home page. */
    public static void signIn(com.microsoft.playwright.Page page, String baseUrl, String username) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(TestUsers.DEMO_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("登录")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#welcome")).isVisible();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
