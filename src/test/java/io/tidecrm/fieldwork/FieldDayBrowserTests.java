package io.tidecrm.fieldwork;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The field day on a phone (360 px), with the browser's location mocked: the rep plans a visit,
 * posts the day's plan picking it, checks in at the customer with one tap, writes the visit record
 * with an objection and a commitment, writes the day's summary and the week's plan; the manager
 * signs the week off. In Chinese, and the visit page once in English.
 */
@BrowserTest
class FieldDayBrowserTests {

    /** The customer's office; the phone reports a position about 110 m north of it. */
    private static final double LAT = 31.2304;
    private static final double LNG = 121.4737;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Test
    void aRepsWholeFieldDayOnAPhoneAndTheManagersSignOff(Browser browser) {
        // A rep of their own in manager1's team, so that the day's figures are this test's alone.
        CurrentUser rep = users.newUser("field", Role.REP, "rep1");
        // A working morning, whatever the hour of the run: a visit planned "in an hour" is today's.
        clock.setInstant(LocalDate.now(ZoneId.of("Asia/Shanghai")).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant());
        String name = CustomerFixtures.uniqueName("外勤");
        long customer = fixtures.insert(name, "B", "INTENT", rep.id());
        fixtures.jdbc().sql("""
                INSERT INTO customer_location (customer_id, latitude, longitude, source, set_by_id, set_at)
                VALUES (?, ?, ?, 'MANUAL', ?, now())
                """).params(customer, LAT, LNG, rep.id()).update();
        Page page = browser.signedIn(rep.getUsername(), 360, 740);
        BrowserContext context = page.context();
        context.grantPermissions(List.of("geolocation"), new BrowserContext.GrantPermissionsOptions()
                .setOrigin(browser.url("")));
        context.setGeolocation(new Geolocation(LAT + 0.001, LNG).setAccuracy(15));

        page.navigate(browser.url("/customers/" + customer));
        page.locator("#plan-visit").click();
        page.locator("#purpose").fill("演示群发功能");
        page.locator("#visit-plan-form button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("已计划拜访");
        String visitUrl = page.url();

        String today = LocalDate.now(clock).toString();
        page.navigate(browser.url("/reports?day=" + today));
        page.locator("#daily-plan-form .form-check-label", new Page.LocatorOptions().setHasText(name)).click();
        page.locator("#daily-plan-form #keyTasks").fill("上午拜访" + name);
        page.locator("#submit-plan").click();
        assertThat(page.locator(".alert-success")).containsText("当日工作计划已提交");

        page.navigate(visitUrl);
        page.locator("#check-in").click();
        assertThat(page.locator(".alert-success")).containsText("已签到，距客户 111 米");
        assertThat(page.locator("#check-in-distance")).containsText("在范围内");
        browser.screenshot(page, "visit-checked-in-360");

        page.locator("#visit-record-form #discussion").fill("演示了群发和标签功能");
        page.locator("#visit-record-form #objections").fill("价格偏高，希望年付打折");
        page.locator("#visit-record-form [name='commitments[0].content']").fill("发送年付报价单");
        page.locator("#visit-record-form [name='commitments[0].dueDate']")
                .fill(LocalDate.now(clock).plusDays(2).toString());
        page.locator("#save-visit-record").click();
        assertThat(page.locator(".alert-success")).containsText("拜访记录已保存");
        assertThat(page.locator("#visit-commitments")).containsText("发送年付报价单");

        page.navigate(browser.url("/customers/" + customer));
        assertThat(page.locator("#followup-panel")).containsText("【客户异议】价格偏高");

        page.navigate(browser.url("/reports?day=" + today));
        assertThat(page.locator("#daily-summary .fig-visits")).hasText("1");
        assertThat(page.locator("#plan-beside")).containsText("上午拜访");
        page.locator("#daily-summary-form #body").fill("拜访一家，客户关注价格");
        page.locator("#submit-summary").click();
        assertThat(page.locator(".alert-success")).containsText("当日工作总结已提交");

        page.navigate(browser.url("/reports/week"));
        page.locator("#goalCustomers").fill("2");
        page.locator("#goalAmount").fill("300000");
        // A key task of the week's first day, in its empty row: by 17:00 (the seed's "17:00前").
        var firstDay = page.locator("#weekly-tasks .weekly-day").first();
        firstDay.locator(".weekly-task-blank [data-task-field=description]").fill("整理客户清单，准备方案");
        firstDay.locator(".weekly-task-blank [data-task-field=endsAt]").fill("17:00");
        page.locator("#submit-weekly").click();
        assertThat(page.locator(".alert-success")).containsText("周工作计划已提交");
        assertThat(page.locator("#week-tasks")).containsText("17:00 前 整理客户清单，准备方案");

        page.navigate(browser.url(visitUrl.substring(visitUrl.indexOf("/visits")) + "?lang=en"));
        assertThat(page.locator("#visit-record")).containsText("Visit record saved as a follow-up");

        Page manager = browser.signedIn("manager1", 360, 740);
        manager.navigate(browser.url("/reports/team?day=" + today));
        manager.locator("#team-reports tr", new Page.LocatorOptions().setHasText(rep.displayName()))
                .locator("td").nth(3).locator("a").click();
        manager.locator("#report-comment-form textarea").fill("目标可行，周三叫上售前");
        manager.locator("#sign-off").click();
        assertThat(manager.locator(".alert-success")).containsText("已审核签字");
        assertThat(manager.locator(".report-comments")).containsText("主管已审核签字");
        browser.screenshot(manager, "weekly-sign-off-360");
    }
}
