package io.tidecrm.customer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone the follow-up form is far down the customer page: the "写跟进" button at the top
 * takes the rep there with the cursor in its content field, and so does the page opened at its
 * anchor.
 */
@BrowserTest
class WriteFollowUpBrowserTests {

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void theButtonAtTheTopOpensTheFollowUpForm(Browser browser) {
        long id = fixtures.customerOf("rep1", "写跟进客户");
        Page page = browser.signedIn("rep1", 360, 740);
        page.navigate(browser.url("/customers/" + id));
        assertThat(page.locator("#write-follow-up")).hasText("写跟进");
        assertThat(page.locator("#write-follow-up")).isInViewport();

        page.locator("#write-follow-up").click();
        assertThat(page.locator("#followup-form textarea[name=content]")).isFocused();
        assertThat(page.locator("#followup-form textarea[name=content]")).isInViewport();

        page.navigate(browser.url("/todo"));
        page.navigate(browser.url("/customers/" + id + "#followup-form"));
        assertThat(page.locator("#followup-form textarea[name=content]")).isFocused();
    }

    @Test
    void tappingAContactsNumberMakesTheFormReadyToLogTheCallWithThatContact(Browser browser) {
        long id = fixtures.customerOf("rep1", "拨号客户");
        fixtures.insertContact(id, "先联系人");
        long called = fixtures.insertContact(id, "拨号联系人");
        fixtures.jdbc().sql("UPDATE contact SET mobile = '13912345678' WHERE id = ?").param(called).update();
        Page page = browser.signedIn("rep1", 360, 740);
        page.navigate(browser.url("/customers/" + id));
        assertThat(page.locator("#followup-log-hint")).isHidden();
        page.locator("#followup-form select[name=kind]").selectOption("VISIT");

        page.locator("[data-contact-id='" + called + "'] a[data-log-kind=PHONE]").click();
        assertThat(page.locator("#followup-form select[name=kind]")).hasValue("PHONE");
        assertThat(page.locator("#followup-form select[name=contactId]")).hasValue(String.valueOf(called));
        assertThat(page.locator("#followup-log-hint")).isVisible();
        page.locator("[data-contact-id='" + called + "'] a[data-log-kind=SMS]").click();
        assertThat(page.locator("#followup-form select[name=kind]")).hasValue("SMS");
    }
}
