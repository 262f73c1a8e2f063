package io.tidecrm.contract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep drafts a contract with two catalog lines and submits it; their manager approves it from
 * the approval queue; the rep records a payment and sees the outstanding amount.
 */
@BrowserTest
class ContractApprovalBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void repDraftsAndSubmitsManagerApprovesFromTheQueueRepRecordsAPayment() {
        CurrentUser rep = users.newUser("contract", Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("合同演示"), "B", "INTENT", rep.id());
        long basic = product("句客宝", "基础版");     // 4,980.00
        long archive = product("句客宝", "会话存档"); // 500.00
        String base = "http://localhost:" + port;
        List<String> consoleErrors = new ArrayList<>();

        long id;
        try (BrowserContext context = browser.newContext(1440, 900)) {
            Page page = signIn(context, base, rep.getUsername(), consoleErrors);
            page.navigate(base + "/customers/" + customer);
            page.locator("#new-contract").click();
            page.locator("#title").fill("年度服务合同");
            page.locator("select[name='lines[0].productId']").selectOption(String.valueOf(basic));
            page.locator("input[name='lines[0].quantity']").fill("2");
            page.locator("input[name='lines[0].discount']").fill("10");
            page.locator("select[name='lines[1].productId']").selectOption(String.valueOf(archive));
            page.locator("input[name='lines[1].quantity']").fill("3");
            page.locator("#save-contract").click();

            assertThat(page).hasURL(Pattern.compile(".*/contracts/\\d+$"));
            id = Long.parseLong(page.url().replaceAll(".*/", ""));
            assertThat(page.locator("#contract-total")).hasText("¥10,464.00");
            assertThat(page.locator("#approval-state")).hasText("草稿");
            page.locator("#submit-contract").click();
            assertThat(page.locator("#approval-state")).hasText("待审批");
            assertThat(page.locator("#payment-needs-approval")).isVisible();
        }

        try (BrowserContext context = browser.newContext(1440, 900)) {
            Page page = signIn(context, base, "manager1", consoleErrors);
            page.navigate(base + "/approvals");
            page.locator("#contract-" + id + " a").first().click();
            assertThat(page).hasURL(Pattern.compile(".*/contracts/" + id + "$"));
            page.locator("#comment").fill("价格合理，同意");
            page.locator("#approve").click();
            assertThat(page.locator("#flash")).containsText("合同已审批通过");
            assertThat(page.locator("#approval-state")).hasText("已通过");
            assertThat(page.locator("#decisions")).containsText("价格合理，同意");
        }

        try (BrowserContext context = browser.newContext(1440, 900)) {
            Page page = signIn(context, base, rep.getUsername(), consoleErrors);
            page.navigate(base + "/contracts/" + id);
            page.locator("#payment-form input[name='amount']").fill("3000");
            page.locator("#payment-form input[name='remarks']").fill("首付款");
            page.locator("#record-payment").click();
            assertThat(page.locator("#flash")).containsText("回款已登记");
            assertThat(page.locator("#contract-received")).hasText("¥3,000.00");
            assertThat(page.locator("#contract-outstanding")).hasText("¥7,464.00");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/contract-approved-paid.png"))
                    .setFullPage(true));
        }
        assertThat(fixtures.jdbc().sql("SELECT status FROM customer WHERE id = ?").param(customer).query(String.class)
                .single()).isEqualTo("WON");
        assertThat(consoleErrors).as("console errors, e.g. Content-Security-Policy violations").isEmpty();
    }

    private static Page signIn(BrowserContext context, String base, String username, List<String> consoleErrors) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        Browser.signIn(page, base, username);
        assertThat(page.locator("#welcome")).isVisible();
        return page;
    }

    private long product(String category, String name) {
        return fixtures.jdbc().sql("SELECT id FROM product WHERE category = ? AND name = ?").params(category, name)
                .query(Long.class).single();
    }
}
