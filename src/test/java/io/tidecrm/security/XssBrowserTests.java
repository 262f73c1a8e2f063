package io.tidecrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attack payloads stored in every text column of a customer, its contact and follow-up, then
 * shown on every page that lists or shows them in a real browser that reports any dialog or
 * script error: nothing may execute, and template expressions are not evaluated.
 */
@BrowserTest
class XssBrowserTests {

    static final List<String> PAYLOADS = List.of(
            "<script>alert('s1')</script>",
            "\"><img src=x onerror=alert('s2')>",
            "'><svg onload=alert('s3')>",
            "javascript:alert('s4')",
            "[[${7*7}]]",
            "__${T(java.lang.Runtime).getRuntime()}__::x",
            "${7*7}",
            "'; DROP TABLE customer; --",
            "</textarea><script>alert('s5')</script>",
            "<a href=\"javascript:alert('s6')\">x</a>");

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void payloadsInEveryTextFieldRenderInertOnEveryPage(Browser browser) throws IOException {
        long rep = fixtures.userId("rep1");
        List<Long> customers = new ArrayList<>();
        int i = 0;
        for (String payload : PAYLOADS) {
            long id = fixtures.insert("XSS" + (i++) + payload, "C", "INTENT", rep);
            customers.add(id);
            fixtures.jdbc().sql("""
                    UPDATE customer SET region = :p, industry = :p, referrer = :p, address = :p, requirements = :p,
                        extra_discount = :p, remarks = :p, tags = ARRAY[CAST(:p AS text)], jkb_registration_name = :p,
                        jzmh_registration_name = :p, website = 'https://example.com/' || :p
                    WHERE id = :id
                    """).param("p", payload).param("id", id).update();
            long contact = fixtures.insertContact(id, payload);
            fixtures.jdbc().sql("UPDATE contact SET title = :p, department = :p, remarks = :p, wechat_id = :p WHERE id = :id")
                    .param("p", payload).param("id", contact).update();
            fixtures.jdbc().sql("""
                    INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                    VALUES (?, ?, 'PHONE', now(), now(), ?)
                    """).params(id, rep, payload).update();
        }
        List<String> executed = new ArrayList<>();
        int pages = 0;
        Page page = browser.open(1280, 900);
        page.onDialog(dialog -> {
            executed.add(page.url() + " → dialog " + dialog.message());
            dialog.dismiss();
        });
        page.onPageError(error -> executed.add(page.url() + " → script error " + error));
        browser.signIn(page, "rep1");
        List<String> paths = new ArrayList<>(List.of("/customers", "/customers?q=XSS", "/contacts", "/todo",
                "/pool", "/notifications"));
        customers.forEach(id -> paths.add("/customers/" + id));
        // The same payloads in every query parameter that a page echoes (search boxes, filters, cursors).
        for (String payload : PAYLOADS) {
            String p = java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8);
            paths.add("/customers?q=" + p + "&tag=" + p + "&sort=" + p + "&after=" + p + "&status=" + p);
            paths.add("/customers?cursor=" + p);
            paths.add("/contacts?q=" + p + "&after=" + p);
            paths.add("/pool?q=" + p + "&type=" + p + "&before=" + p);
            paths.add("/opportunities?stage=" + p + "&before=" + p);
            paths.add("/contracts?q=" + p + "&cursor=" + p);
        }
        for (String path : paths) {
            page.navigate(browser.url(path));
            pages++;
            String html = page.content();
            assertThat(html).as(path).doesNotContain(">49<").doesNotContain("java.lang.ProcessImpl");
        }
        Files.createDirectories(Path.of("target/reliability"));
        Files.writeString(Path.of("target/reliability/xss.txt"), String.format(
                "xss: %d payloads in %d text columns of customers, contacts and follow-ups and in every echoed query"
                        + " parameter, %d pages visited; executed: %d%n",
                PAYLOADS.size(), 17, pages, executed.size()));
        assertThat(executed).isEmpty();
    }
}
