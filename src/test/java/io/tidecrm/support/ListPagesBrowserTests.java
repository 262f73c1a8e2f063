package io.tidecrm.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list pages in a real browser on a 360 px phone, through the real server (Tomcat parses the
 * query, unlike MockMvc): a garbled address, escapes broken and all, shows the list; no page
 * overflows sideways; the pager walks to the next page and back with the filters kept.
 */
@BrowserTest
class ListPagesBrowserTests {

    private static final String GARBLED = "?status=XYZ&size=abc&sort=%%%&cursor=!!&q=%E5%BC";

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void everyListOpensFromAGarbledAddressAndFitsAPhone(Browser browser) {
        Page manager = browser.signedIn("manager1", 360, 740);
        for (String path : List.of("/customers", "/contacts", "/pool", "/contracts", "/opportunities",
                "/opportunities/board", "/notifications", "/todo", "/contracts/overdue", "/approvals", "/pool/flow")) {
            showsOnAPhone(browser, manager, path + GARBLED);
        }
        Page admin = browser.signedIn("admin", 360, 740);
        for (String path : List.of("/admin/audit", "/admin/users", "/admin/teams", "/catalog/products")) {
            showsOnAPhone(browser, admin, path + GARBLED + "&kind=NOPE&from=not-a-date");
        }
        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }

    @Test
    void thePagerWalksOnAndBackKeepingTheFilters(Browser browser) {
        CurrentUser rep = users.newUser("pager", Role.REP, "rep1");
        for (int i = 0; i < 23; i++) {
            fixtures.insert(String.format("翻页客户%02d-%d", i, rep.id()), "A", "INTENT", rep.id());
        }
        Page page = browser.signedIn(rep.getUsername(), 360, 740);
        page.navigate(browser.url("/customers?type=A&sort=NAME"));
        assertThat(page.locator("#customers")).containsText("翻页客户00-");
        assertThat(page.locator("#first-page")).hasCount(0);

        page.locator("#next-page").click();
        assertThat(page.locator("#customers")).containsText("翻页客户20-");
        assertThat(page.locator("#customers")).not().containsText("翻页客户19-");
        assertThat(page.locator("#type")).hasValue("A");
        assertThat(page.locator("#sort")).hasValue("NAME");
        assertThat(page.locator("#next-page")).hasCount(0);
        browser.screenshot(page, "customer-list-page-2-phone");

        page.locator("#first-page").click();
        assertThat(page.locator("#customers")).containsText("翻页客户00-");
        assertThat(page).hasURL(browser.url("/customers?type=A&sort=NAME"));
    }

    private static void showsOnAPhone(Browser browser, Page page, String path) {
        Response response = page.navigate(browser.url(path));
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(page.locator("h1").first()).isVisible();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                .as(path + " overflows sideways at 360 px").isFalse();
        browser.screenshot(page, "phone" + path.replaceAll("\\?.*", "").replace('/', '-'));
    }
}
