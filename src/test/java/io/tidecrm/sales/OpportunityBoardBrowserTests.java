package io.tidecrm.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rep creates an opportunity with two catalog lines for their customer, sees the amount the
 * server computed, and drags its card on the board from S1 to S2; the move is saved.
 */
@BrowserTest
class OpportunityBoardBrowserTests {

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogFixtures catalog;

    @Autowired
    TestUsers users;

    @Test
    void repCreatesAnOpportunityWithTwoLinesAndDragsItsCardFromS1ToS2(Browser browser) {
        // A rep of their own, so that the board holds this card only, whatever other tests created.
        CurrentUser rep = users.newUser("board", Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("看板"), "B", "INTENT", rep.id());

        Page page = browser.signedIn(rep.getUsername(), 1440, 900);
        page.navigate(browser.url("/customers/" + customer));
        page.locator("#new-opportunity").click();
        page.locator("#title").fill("看板拖动演示");
        page.locator("#expectedCloseDate").fill("2030-06-30");
        catalog.fillTwoLines(page);
        // While typing, the form shows what the server will compute: the catalog price of an empty
        // unit price, each line total and the sum.
        assertThat(page.locator("input[name='lines[1].unitPrice']")).hasAttribute("placeholder", "500.00");
        assertThat(page.locator("#line-rows tbody tr").nth(0).locator("[data-line-total]")).hasText("¥8,964.00");
        assertThat(page.locator("#line-rows tbody tr").nth(1).locator("[data-line-total]")).hasText("¥1,500.00");
        assertThat(page.locator("[data-lines-sum]")).hasText("¥10,464.00");
        browser.screenshot(page, "opportunity-form");
        page.locator("#save-opportunity").click();

        assertThat(page).hasURL(Pattern.compile(".*/opportunities/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        // 2 × 4,980 × 90% + 3 × 500, computed by the server.
        assertThat(page.locator("#opportunity-amount")).hasText("¥10,464.00");
        assertThat(page.locator("#opportunity-stage")).hasText("S1 线索");

        page.navigate(browser.url("/opportunities/board"));
        Locator card = page.locator("#card-" + id);
        assertThat(page.locator("#column-LEAD #card-" + id)).isVisible();
        card.dragTo(page.locator("#column-QUALIFIED"));
        assertThat(page.locator("#column-QUALIFIED #card-" + id)).isVisible();
        assertThat(page.locator("#board-message")).containsText("阶段已保存");
        browser.screenshot(page, "opportunity-board");

        page.reload();
        assertThat(page.locator("#column-QUALIFIED #card-" + id)).isVisible();
        assertThat(page.locator("#column-LEAD #card-" + id)).hasCount(0);
        assertThat(fixtures.jdbc().sql("SELECT stage FROM opportunity WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("QUALIFIED");

        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }
}
