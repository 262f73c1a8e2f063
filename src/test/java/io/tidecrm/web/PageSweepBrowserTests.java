package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserExtension;
import io.tidecrm.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every page of the navigation (and the main detail pages and forms), for each role, in Chinese
 * and English, on a 360 px phone and a 1366 px desktop, with the demo data set so that the lists
 * are full: no error status, no console error, nothing wider than the viewport, no unresolved
 * message key, no raw enum code in the text. Runs in a context of its own on a database of its
 * own (seeded with the demo data), and reports every failure at once. A screenshot of each page
 * at 360 px goes to {@code target/screenshots/sweep/}. On the phone a table may not scroll sideways
 * inside itself either (a list is a stack of cards there, see {@code table.table-cards} in app.css).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "tidecrm.demo-data.enabled=true", "tidecrm.demo-data.users=true" })
@ActiveProfiles("test")
@ContextConfiguration(initializers = PageSweepBrowserTests.DemoDatabase.class)
@ExtendWith(BrowserExtension.class)
class PageSweepBrowserTests {

    private static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?\\s]*\\?\\?");
    /** Upper-case words that are product names or ordinary words, not codes. */
    private static final Set<String> ALLOWED = Set.of("CRM", "SMS", "SAAS");

    private static final List<String> COMMON = List.of("/", "/todo", "/customers", "/contacts", "/pool",
            "/opportunities", "/opportunities/board", "/opportunities/forecast", "/contracts", "/contracts/due", "/contracts/due?within=DAYS_90", "/contracts/renewals", "/contracts/renewals?within=DAYS_90", "/notifications", "/catalog/products", "/account/password", "/customers/new",
            "/search?q=科技", "/leaderboard", "/leaderboard?period=MONTH&board=CONTRACT_AMOUNT",
            "/leaderboard?period=WEEK&board=FOLLOW_UPS", "/visits", "/commitments", "/reports", "/reports/week", "/self-check",
            "/tickets", "/tickets?view=ALL", "/tickets?view=OVERDUE", "/tickets/report", "/return-visits",
            "/return-visits?view=MISSED", "/analytics", "/analytics?period=YEAR&by=REGION", "/leads", "/leads?view=ALL",
            "/leads?view=POOL", "/leads?view=REVIEW", "/leads/report", "/leads/new", "/account/tokens");
    /** Behind the managers' links (the approvals entry, the contract tabs, the pool's flow button). */
    private static final List<String> MANAGER = List.of("/approvals", "/contracts/overdue", "/pool/flow", "/targets",
            "/reports/team", "/imports", "/self-check/team");
    private static final List<String> ADMIN = List.of("/admin/users", "/admin/teams", "/admin/products",
            "/admin/customer-rules", "/admin/pool-rules", "/admin/pool-runs", "/admin/webhooks", "/admin/events",
            "/admin/audit", "/admin/users/new", "/admin/teams/new", "/admin/products/new", "/admin/leaderboard",
            "/admin/service/calendar", "/admin/service/sla", "/admin/leads", "/admin/leads/dry-run",
            "/admin/leads/rules/new", "/admin/webhooks/deliveries", "/admin/exports", "/admin/fieldwork");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageForEveryRoleLanguageAndWidth(Browser browser) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        long start = System.nanoTime();
        for (String user : List.of("rep1", "manager1", "admin")) {
            for (int width : new int[] { 360, 1366 }) {
                Page page = browser.signedIn(user, width, width == 360 ? 740 : 900);
                List<String> paths = new ArrayList<>(COMMON);
                if (!user.startsWith("rep")) {
                    paths.addAll(MANAGER);
                }
                if (user.equals("admin")) {
                    paths.addAll(ADMIN);
                }
                paths.addAll(details(browser, page, jdbc));
                for (String lang : List.of("zh", "en")) {
                    page.navigate(browser.url("/?lang=" + (lang.equals("zh") ? "zh_CN" : "en")));
                    for (String path : paths) {
                        int before = browser.consoleErrors().size();
                        String where = user + " " + lang + " " + width + "px " + path + ": ";
                        Response response = page.navigate(browser.url(path));
                        checked++;
                        if (response == null || response.status() >= 400) {
                            failures.add(where + "status " + (response == null ? "none" : response.status()));
                            continue;
                        }
                        Number scroll = (Number) page.evaluate("document.documentElement.scrollWidth");
                        Number inner = (Number) page.evaluate("window.innerWidth");
                        if (scroll.intValue() > inner.intValue()) {
                            failures.add(where + "page is " + scroll + " px wide in a " + inner + " px window"
                                    + widest(page));
                        }
                        if (width == 360) {
                            Object scrolled = page.evaluate("() => [...document.querySelectorAll('.table-responsive')]"
                                    + ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
                                    + ".map(e => { const t = e.querySelector('table'); return (t && t.id ? '#' + t.id : 'a table')"
                                    + " + ' is ' + e.scrollWidth + ' px in ' + e.clientWidth; }).join(', ')");
                            if (!String.valueOf(scrolled).isEmpty()) {
                                failures.add(where + "scrolls sideways: " + scrolled);
                            }
                        }
                        String text = (String) page.evaluate("document.body.innerText");
                        Matcher unresolved = UNRESOLVED.matcher(text);
                        while (unresolved.find()) {
                            failures.add(where + "unresolved message " + unresolved.group());
                        }
                        Matcher code = ENUM_CODE.matcher(text);
                        while (code.find()) {
                            if (!ALLOWED.contains(code.group().toUpperCase())) {
                                failures.add(where + "raw code " + code.group());
                            }
                        }
                        List<String> errors = browser.consoleErrors();
                        for (String error : errors.subList(before, errors.size())) {
                            failures.add(where + "console " + error);
                        }
                        if (width == 360) {
                            browser.screenshot(page, "sweep/" + user + "-" + lang + "-" + name(path) + "-360");
                            if (user.equals("rep1") && lang.equals("zh")) {
                                if (path.equals("/customers")) {
                                    browser.screenshot(page, "customer-list-360");
                                } else if (path.matches("/contracts/\\d+")) {
                                    browser.screenshot(page, "contract-360");
                                }
                            }
                        }
                    }
                }
                page.context().close();
            }
        }
        System.out.printf("Page sweep: %d page loads in %d s, %d failures%n", checked,
                (System.nanoTime() - start) / 1_000_000_000L, failures.size());
        assertThat(failures).as("page sweep (%d page loads)", checked).isEmpty();
    }

    /** A customer, an opportunity and a contract the user sees, and the forms that hang off the customer. */
    private static List<String> details(Browser browser, Page page, JdbcClient jdbc) {
        Map<String, String> found = new LinkedHashMap<>();
        found.put("customer", firstLink(browser, page, "/customers", "^/customers/\\d+$"));
        found.put("opportunity", firstLink(browser, page, "/opportunities", "^/opportunities/\\d+$"));
        found.put("contract", contractWithMostPayments(browser, page, jdbc));
        found.put("visit", firstLink(browser, page, "/visits", "^/visits/\\d+$"));
        found.put("report", firstLink(browser, page, "/reports/week", "^/reports/\\d+$"));
        found.put("ticket", firstLink(browser, page, "/tickets?view=ALL", "^/tickets/\\d+$"));
        found.put("returnVisit", firstLink(browser, page, "/return-visits?view=ALL", "^/return-visits/\\d+$"));
        found.put("lead", firstLink(browser, page, "/leads?view=ALL", "^/leads/\\d+$"));
        String contactable = firstLink(browser, page, "/leads?view=ALL&status=CONTACTABLE", "^/leads/\\d+$");
        List<String> paths = new ArrayList<>();
        if (contactable != null) {
            paths.add(contactable + "/convert");
            paths.add(contactable + "/edit");
        }
        found.values().stream().filter(p -> p != null).forEach(paths::add);
        page.navigate(browser.url("/leaderboard?period=MONTH&board=FOLLOW_UPS"));
        Object figure = page.evaluate("() => { const a = document.querySelector('#ranking a.figure');"
                + " return a ? new URL(a.href).pathname + new URL(a.href).search : null; }");
        if (figure != null) {
            paths.add((String) figure);
        }
        String customer = found.get("customer");
        if (customer != null) {
            paths.add(customer + "/opportunities/new");
            paths.add(customer + "/contracts/new");
            paths.add(customer + "/visits/new");
            paths.add(customer + "/tickets/new?kind=COMPLAINT");
            paths.add(customer + "/service-contact");
        }
        return paths;
    }

    /** Of the contracts on the user's list, the one with the most payments (the widest contract page). */
    private static String contractWithMostPayments(Browser browser, Page page, JdbcClient jdbc) {
        page.navigate(browser.url("/contracts"));
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) page.evaluate("() => [...document.querySelectorAll('main a[href]')]"
                + ".map(a => new URL(a.href).pathname).filter(h => /^\\/contracts\\/\\d+$/.test(h))");
        if (links.isEmpty()) {
            return null;
        }
        String ids = links.stream().map(l -> String.valueOf(Long.parseLong(l.substring(l.lastIndexOf('/') + 1))))
                .collect(java.util.stream.Collectors.joining(","));
        return jdbc.sql("SELECT c.id FROM contract c LEFT JOIN contract_payment p ON p.contract_id = c.id"
                + " WHERE c.id IN (" + ids + ") GROUP BY c.id ORDER BY count(p.id) DESC, c.id LIMIT 1")
                .query(Long.class).optional().map(id -> "/contracts/" + id).orElse(links.get(0));
    }

    private static String firstLink(Browser browser, Page page, String list, String pattern) {
        page.navigate(browser.url(list));
        Object href = page.evaluate("p => { const re = new RegExp(p); const a = [...document.querySelectorAll('main a[href]')]"
                + ".map(a => new URL(a.href).pathname).find(h => re.test(h)); return a || null; }", pattern);
        return (String) href;
    }

    /** The element that sticks out furthest to the right, to say where the overflow comes from. */
    private static String widest(Page page) {
        Object result = page.evaluate("() => { let w = null, r = 0; for (const e of document.querySelectorAll('body *')) {"
                + " const b = e.getBoundingClientRect().right; if (b > r + 0.5 && e.offsetParent !== null) { r = b; w = e; } }"
                + " return w ? ' (widest: ' + w.tagName.toLowerCase() + (w.id ? '#' + w.id : '')"
                + " + (w.className && typeof w.className === 'string' ? '.' + w.className.trim().split(/\\s+/).join('.') : '')"
                + " + ' to ' + Math.round(r) + ' px)' : ''; }");
        return String.valueOf(result);
    }

    private static String name(String path) {
        String name = path.replaceAll("\\?.*$", "").replaceAll("^/", "").replaceAll("\\d+", "n").replace('/', '-');
        return name.isEmpty() ? "home" : name;
    }

    /** This context's own database, seeded with the demo data, dropped at the end of the run. */
    static class DemoDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sweepDatabase",
                    Map.of("spring.datasource.url", TestDatabase.extraDatabase("sweep"))));
        }
    }
}
