package io.tidecrm.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;

/** A rep signs in through the real sign-in page, sees the home page in Chinese and switches to English. */
@BrowserTest
class SignInBrowserTests {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite(Browser browser) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url("/login"))).build(),
                HttpResponse.BodyHandlers.discarding());
        String setCookie = String.join("\n", response.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("SESSION=").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void repSignsInSeesChineseHomeAndSwitchesToEnglish(Browser browser) {
        Page page = browser.open(390, 844);
        page.navigate(browser.url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("h1")).hasText("登录");

        page.getByLabel("用户名").fill("rep1");
        page.getByLabel("密码").fill(TestUsers.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();

        assertThat(page.locator("#welcome")).hasText("欢迎，张伟");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");

        // On a phone the navigation is collapsed behind the toggler (Bootstrap's script must have run).
        page.waitForLoadState(LoadState.LOAD);
        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#langMenu")).isVisible();
        page.locator("#langMenu").click();
        assertThat(page.locator("#lang-en")).isVisible();
        page.locator("#lang-en").click();

        assertThat(page.locator("#welcome")).hasText("Welcome, 张伟");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        browser.screenshot(page, "home-en");

        // The choice sticks for the next page.
        page.navigate(browser.url("/catalog/products"));
        assertThat(page.locator("h1")).hasText("Product catalog");

        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();

        // A missing page shows the 404 page of the shell, not a stack trace.
        page.navigate(browser.url("/no-such-page"));
        assertThat(page.locator(".lead")).hasText("Not found");
    }
}
