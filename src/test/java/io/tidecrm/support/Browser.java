package io.tidecrm.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A browser test's handle on the shared Chromium (see {@link BrowserExtension}; a test method
 * declares it as a parameter). Each page it opens has a fresh profile of its own, so that two
 * users can be signed in at once; all are closed after the test. It records what the pages
 * report as errors (a Content-Security-Policy violation, a script error), and takes the
 * screenshots to {@code target/screenshots/}.
 */
public final class Browser {

    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    /** A desktop viewport and a phone's (the narrowest the pages are made for is 360 px). */
    public static final int DESKTOP_WIDTH = 1280;
    public static final int PHONE_WIDTH = 390;

    private final Chromium chromium;
    private final String baseUrl;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    Browser(Chromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.baseUrl = baseUrl;
    }

    /** A page in a fresh browser profile, signed in to nothing. */
    public Page open(int width, int height) {
        BrowserContext context = chromium.newContext(width, height);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(page.url() + " → " + m.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(page.url() + " → script error " + error));
        pages.add(page);
        return page;
    }

    /** A page in a fresh browser profile, signed in as a demo user (password TideCrm#2026) on the home page. */
    public Page signedIn(String username, int width, int height) {
        Page page = open(width, height);
        signIn(page, username);
        return page;
    }

    /** Signs in through the real sign-in page (Chinese labels) and waits for the home page. */
    public void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(TestUsers.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator("#welcome")).isVisible();
    }

    /** The absolute address of a path of the application under test. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** A full-page screenshot to {@code target/screenshots/<name>.png}. */
    public void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** What the pages reported as errors so far (console errors and uncaught script errors). */
    public List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    /** Screenshots of every page still open, for a test that failed. */
    void screenshotAll(String name) {
        for (int i = 0; i < pages.size(); i++) {
            if (!pages.get(i).isClosed()) {
                screenshot(pages.get(i), name + "-" + (i + 1));
            }
        }
    }

    void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        pages.clear();
    }
}
