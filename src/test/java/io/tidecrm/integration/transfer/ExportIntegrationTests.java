package io.tidecrm.integration.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.ExportSink;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The exports' rules: administrators only, audited, formulas neutralised, streamed with a flat heap. */
@IntegrationTest
class ExportIntegrationTests {

    @Autowired
    ExportService exports;
    @Autowired
    CustomerFixtures fixtures;
    @Autowired
    TestUsers users;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactions;

    static final List<String> DANGEROUS = List.of("=1+2", "+86 1", "-2+3", "@SUM(A1)", "\tcmd",
            "\rcmd");

    long customerWithDangerousContacts() {
        long customer = fixtures.customerOf("rep1", "公式");
        for (String text : DANGEROUS) {
            long contact = fixtures.insertContact(customer, "公式联系人");
            fixtures.jdbc().sql("UPDATE contact SET remarks = ? WHERE id = ?").params(text, contact).update();
        }
        return customer;
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreNeutralisedInCsvAndXlsx() throws Exception {
        long customer = customerWithDangerousContacts();
        CurrentUser admin = users.principal("admin");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exports.export(ExportDataset.CONTACTS, ExportFormat.CSV, ExportSink.Period.all(), admin, Locale.SIMPLIFIED_CHINESE, csv);
        String text = new String(csv.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编号,客户编号");
        for (String dangerous : DANGEROUS) {
            assertThat(text).contains("'" + dangerous);
        }
        assertThat(text).doesNotContain(",=1+2").doesNotContain(",+86").doesNotContain(",@SUM");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exports.export(ExportDataset.CONTACTS, ExportFormat.XLSX, ExportSink.Period.all(), admin, Locale.ENGLISH, xlsx);
        List<String> remarks = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            Row header = it.next();
            int customerColumn = -1;
            int remarksColumn = -1;
            for (int c = 0; c < header.getCellCount(); c++) {
                customerColumn = "Customer ID".equals(header.getCellText(c)) ? c : customerColumn;
                remarksColumn = "Contact remarks".equals(header.getCellText(c)) ? c : remarksColumn;
            }
            while (it.hasNext()) {
                Row row = it.next();
                if (String.valueOf(customer).equals(row.getCellText(customerColumn))) {
                    remarks.add(row.getCellText(remarksColumn));
                }
            }
        }
        assertThat(remarks).containsExactlyInAnyOrderElementsOf(DANGEROUS.stream().map(d -> "'" + d).toList());
    }

    @Test
    void everyExportIsAuditedWithItsFilterAndRowCount() throws Exception {
        CurrentUser admin = users.principal("admin");
        long before = fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'DATA_EXPORTED'")
                .query(Long.class).single();
        long rows = exports.export(ExportDataset.FOLLOW_UPS, ExportFormat.CSV,
                new ExportSink.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), admin, Locale.ENGLISH,
                OutputStream.nullOutputStream());
        var entry = fixtures.jdbc().sql("""
                SELECT actor_name, subject, details FROM audit_event WHERE kind = 'DATA_EXPORTED' ORDER BY id DESC LIMIT 1
                """).query().singleRow();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'DATA_EXPORTED'")
                .query(Long.class).single()).isEqualTo(before + 1);
        assertThat(entry.get("actor_name")).isEqualTo("admin");
        assertThat(entry.get("subject")).isEqualTo("FOLLOW_UPS");
        assertThat((String) entry.get("details")).contains("format=CSV").contains("from=2026-01-01")
                .contains("to=2026-01-31").contains("rows=" + rows);
    }

    @Test
    void onlyAdministratorsExport() throws Exception {
        for (String user : List.of("rep1", "manager1")) {
            mvc.perform(get("/admin/exports").with(users.as(user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/exports").param("dataset", "CUSTOMERS").param("format", "CSV")
                    .with(users.as(user)).with(csrf())).andExpect(status().isForbidden());
            assertThatThrownBy(() -> exports.export(ExportDataset.CUSTOMERS, ExportFormat.CSV, ExportSink.Period.all(),
                    users.principal(user), Locale.ENGLISH, OutputStream.nullOutputStream()))
                    .isInstanceOf(AccessDeniedException.class);
        }
        mvc.perform(get("/admin/exports").with(users.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void theDownloadIsStreamedToTheAdministrator() throws Exception {
        fixtures.customerOf("rep1", "下载");
        MvcResult started = mvc.perform(post("/admin/exports").param("dataset", "CUSTOMERS").param("format", "XLSX")
                .with(users.as("admin")).with(csrf())).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
        assertThat(done.getResponse().getContentType()).startsWith(ImportController.XLSX);
        assertThat(done.getResponse().getHeader("Content-Disposition")).contains("customers-");
        byte[] body = done.getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 'P');
        mvc.perform(post("/admin/exports").param("dataset", "NOPE").with(users.as("admin")).with(csrf()))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/admin/exports").param("invalid", "choose").with(users.as("admin")))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("export-invalid"));
    }

    /**
     * 200,000 contacts (with 200 characters of remarks each, some 150 MB as Java objects if they were
     * held) are exported while the used heap after a full collection is sampled every MB of output:
     * it never grows by more than 48 MB over what it was before the export. Not a timing: a bound on memory.
     */
    @Test
    void anExportOf200kRowsKeepsTheHeapFlat() {
        int count = 200_000;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            long customer = fixtures.customerOf("rep1", "大量导出");
            fixtures.jdbc().sql("""
                    INSERT INTO contact (customer_id, name, mobile, remarks, created_at, updated_at)
                    SELECT :customer, '联系人' || g, '138' || lpad(g::text, 8, '0'), repeat('备注内容', 50) || g, now(), now()
                    FROM generate_series(1, :count) g
                    """).param("customer", customer).param("count", count).update();
            long baseline = usedAfterGc();
            HeapSampler out = new HeapSampler();
            long rows;
            try {
                rows = exports.export(ExportDataset.CONTACTS, ExportFormat.XLSX, ExportSink.Period.all(),
                        users.principal("admin"), Locale.SIMPLIFIED_CHINESE, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long growth = out.maxUsed - baseline;
            System.out.printf("export of %d rows: %d MB written, heap samples %d, max growth %d MB%n", rows,
                    out.written >> 20, out.samples, growth >> 20);
            assertThat(rows).isGreaterThanOrEqualTo(count);
            assertThat(out.samples).isGreaterThan(3);
            assertThat(growth).isLessThan(48L << 20);
            status.setRollbackOnly();
        });
    }

    static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Discards the file and samples the used heap after a full collection every MB. */
    static final class HeapSampler extends OutputStream {

        long written;
        long nextSample = 1L << 20;
        long maxUsed;
        int samples;

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
            if (written >= nextSample) {
                nextSample += 1L << 20;
                maxUsed = Math.max(maxUsed, usedAfterGc());
                samples++;
            }
        }
    }
}
