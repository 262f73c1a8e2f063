package io.tidecrm.integration.transfer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.tidecrm.support.Browser;
import io.tidecrm.support.BrowserTest;
import io.tidecrm.support.CustomerFixtures;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager imports a small workbook with two bad rows: maps the columns (guessed), runs the dry
 * run and the import, watches the progress bar until the counts show, and downloads the error
 * workbook. The tests run without the Quartz scheduler, so the test plays the background worker:
 * it calls what the import's Quartz job calls, while the page polls.
 */
@BrowserTest
class ImportBrowserTests {

    private static final LocatorAssertions.IsVisibleOptions AFTER_POLL =
            new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    @Autowired
    ImportRunner runner;

    @Autowired
    io.tidecrm.support.TestUsers users;

    @Test
    void aManagerImportsAWorkbookWithTwoBadRowsAndDownloadsTheErrorWorkbook(Browser browser) throws Exception {
        // A rep of manager1's team of its own: what other tests leave rep1 owning (a full cap) never decides the rows.
        String owner = users.newUser("浏览器导入", io.tidecrm.identity.Role.REP, "manager1").getUsername();
        String good1 = CustomerFixtures.uniqueName("浏览器导入");
        String good2 = CustomerFixtures.uniqueName("浏览器导入");
        byte[] workbook = ImportTestFiles.xlsx(List.of(ImportTestFiles.HEADERS,
                ImportTestFiles.row(good1, "", "B", owner, "周一", "13800000041"),
                ImportTestFiles.row(CustomerFixtures.uniqueName("坏类型"), "", "X", owner, "", ""),
                ImportTestFiles.row(good2, "", "C", "", "周二", ""),
                ImportTestFiles.row(CustomerFixtures.uniqueName("他组"), "", "B", "rep3", "", "")));

        Page page = browser.signedIn("manager1", 1280, 900);
        page.navigate(browser.url("/imports"));
        page.locator("#file").setInputFiles(new FilePayload("客户导入.xlsx",
                ImportController.XLSX, workbook));
        page.locator("#upload").click();
        assertThat(page.locator("#mapping-form")).isVisible();
        assertThat(page.locator("#mapping-0")).hasValue("NAME");
        assertThat(page.locator("#mapping-5")).hasValue("OWNER");
        long id = Long.parseLong(page.url().replaceAll(".*/imports/(\\d+).*", "$1"));

        page.locator("#dry-run").click();
        assertThat(page.locator("#progress-bar")).isVisible();
        runner.execute(id);
        // The bar polls every second and reloads the page when the phase is over.
        assertThat(page.locator("#result")).isVisible(AFTER_POLL);
        assertThat(page.locator("#count-failed")).containsText("2");
        assertThat(page.locator("#problem-3")).containsText("客户类型");

        page.locator("#run").click();
        assertThat(page.locator("#progress-bar")).isVisible();
        browser.screenshot(page, "import-progress");
        runner.execute(id);
        assertThat(page.locator("#import-status")).hasText("已导入", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("#count-created")).containsText("2");
        assertThat(page.locator("#count-failed")).containsText("2");
        browser.screenshot(page, "import-done");

        Download download = page.waitForDownload(() -> page.locator("#error-workbook").click());
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(download.path());
                ReadableWorkbook errors = new ReadableWorkbook(in);
                Stream<Row> sheet = errors.getFirstSheet().openStream()) {
            Iterator<Row> it = sheet.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCellText(c));
                }
                rows.add(cells);
            }
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).endsWith("原行号", "原因");
        assertThat(rows.get(1)).contains("X").endsWith("3", rows.get(1).get(rows.get(1).size() - 1));
        assertThat(rows.get(1).get(rows.get(1).size() - 1)).contains("客户类型");
        assertThat(rows.get(2).get(rows.get(2).size() - 1)).contains("rep3");

        Page phone = browser.signedIn("manager1", 360, 740);
        phone.navigate(browser.url("/imports/" + id));
        browser.screenshot(phone, "import-360");
        assertThat((Number) phone.evaluate("document.documentElement.scrollWidth"))
                .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(360));
    }
}
