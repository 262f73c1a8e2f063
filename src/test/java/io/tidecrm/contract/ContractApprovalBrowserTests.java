package io.tidecrm.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

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
 * A rep drafts a contract with two catalog lines and submits it; their manager approves it from
 * the approval queue; the rep records a payment and sees the outstanding amount.
 */
@BrowserTest
class ContractApprovalBrowserTests {

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogFixtures catalog;

    @Autowired
    TestUsers users;

    @Test
    void repDraftsAndSubmitsManagerApprovesFromTheQueueRepRecordsAPayment(Browser browser) {
        CurrentUser rep = users.newUser("contract", Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("合同演示"), "B", "INTENT", rep.id());

        Page page = browser.signedIn(rep.getUsername(), 1440, 900);
        page.navigate(browser.url("/customers/" + customer));
        page.locator("#new-contract").click();
        page.locator("#title").fill("年度服务合同");
        catalog.fillTwoLines(page);
        page.locator("#save-contract").click();

        assertThat(page).hasURL(Pattern.compile(".*/contracts/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/", ""));
        // 2 × 4,980 × 90% + 3 × 500, computed by the server.
        assertThat(page.locator("#contract-total")).hasText("¥10,464.00");
        assertThat(page.locator("#approval-state")).hasText("草稿");
        page.locator("#submit-contract").click();
        assertThat(page.locator("#approval-state")).hasText("待审批");
        assertThat(page.locator("#payment-needs-approval")).isVisible();

        Page manager = browser.signedIn("manager1", 1440, 900);
        manager.navigate(browser.url("/approvals"));
        manager.locator("#contract-" + id + " a").first().click();
        assertThat(manager).hasURL(Pattern.compile(".*/contracts/" + id + "$"));
        manager.locator("#comment").fill("价格合理，同意");
        manager.locator("#approve").click();
        assertThat(manager.locator("#flash")).containsText("合同已审批通过");
        assertThat(manager.locator("#approval-state")).hasText("已通过");
        assertThat(manager.locator("#decisions")).containsText("价格合理，同意");

        page.navigate(browser.url("/contracts/" + id));
        page.locator("#payment-form input[name='amount']").fill("3000");
        page.locator("#payment-form input[name='remarks']").fill("首付款");
        page.locator("#record-payment").click();
        assertThat(page.locator("#flash")).containsText("回款已登记");
        assertThat(page.locator("#contract-received")).hasText("¥3,000.00");
        assertThat(page.locator("#contract-outstanding")).hasText("¥7,464.00");
        browser.screenshot(page, "contract-approved-paid");

        assertThat(fixtures.jdbc().sql("SELECT status FROM customer WHERE id = ?").param(customer).query(String.class)
                .single()).isEqualTo("WON");
        assertThat(browser.consoleErrors()).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }
}
