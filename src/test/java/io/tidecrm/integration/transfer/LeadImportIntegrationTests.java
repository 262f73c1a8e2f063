package io.tidecrm.integration.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.RuleViolation;
import io.tidecrm.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leads through the import: the columns guessed from the lead form's labels, every row through the
 * lead module's rules (validation, duplicates against leads of the database and of the same file,
 * customers and contacts), the arrival rules or the lead pool, a dry run that writes nothing, the
 * error workbook, and no undo.
 */
@IntegrationTest
class LeadImportIntegrationTests {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static final List<String> HEADERS = List.of("公司名称", "联系人姓名", "手机", "区域", "来源渠道", "标签");

    @Autowired
    ImportService imports;
    @Autowired
    ImportRunner runner;
    @Autowired
    ImportStore store;
    @Autowired
    ImportWorkbooks workbooks;
    @Autowired
    CustomerImport customerImport;
    @Autowired
    CustomerFixtures fixtures;
    @Autowired
    TestUsers users;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void removeRules() {
        fixtures.jdbc().sql("DELETE FROM lead_rule WHERE name LIKE 'T-IMP-%'").update();
    }

    static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    static List<String> row(String company, String contact, String mobile, String region, String source) {
        return List.of(company, contact, mobile, region, source, "");
    }

    long upload(CurrentUser user, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADERS);
        all.addAll(rows);
        return imports.upload(ImportTarget.LEAD, "线索.csv", ImportTestFiles.csv(StandardCharsets.UTF_8, all),
                Locale.SIMPLIFIED_CHINESE, user);
    }

    ImportJob dryRun(long id, CurrentUser user) {
        ImportJob job = store.find(id).orElseThrow();
        imports.check(id, imports.mappingOf(job, user), null, user);
        runner.execute(id);
        return store.find(id).orElseThrow();
    }

    ImportJob importFile(long id, CurrentUser user) {
        dryRun(id, user);
        imports.run(id, user);
        runner.execute(id);
        return store.find(id).orElseThrow();
    }

    long leads(String company) {
        return fixtures.jdbc().sql("SELECT count(*) FROM sales_lead WHERE company_name = ?").param(company)
                .query(Long.class).single();
    }

    @Test
    void theLeadColumnsAreGuessedFromTheLeadFormsLabels() {
        CurrentUser admin = users.principal("admin");
        long id = upload(admin, List.of(row(unique("猜列公司"), "王", "", "", "")));
        ImportJob job = store.find(id).orElseThrow();
        assertThat(job.target()).isEqualTo(ImportTarget.LEAD);
        assertThat(imports.mappingOf(job, admin)).containsExactly("COMPANY_NAME", "CONTACT_NAME", "MOBILE", "REGION",
                "SOURCE", "TAGS");
    }

    @Test
    void importedLeadsAreAssignedByTheArrivalRulesOrWaitInTheLeadPool() {
        CurrentUser admin = users.principal("admin");
        CurrentUser rep = users.newUser("limp-arrival", Role.REP, "rep1");
        String region = unique("导入到达区域");
        long rule = fixtures.jdbc().sql("""
                INSERT INTO lead_rule (position, name, region, target, user_id, on_arrival)
                VALUES (-1000, ?, ?, 'USER', ?, true) RETURNING id
                """).params(unique("T-IMP-到达"), region, rep.id()).query(Long.class).single();
        String routed = unique("导入分配公司") + "有限公司";
        String pooled = unique("导入公海公司") + "有限公司";
        long id = upload(admin, List.of(row(routed, "李经理", "", region, "展会"),
                row(pooled, "赵经理", "", unique("无规则区域"), "TRADE_SHOW")));
        ImportJob done = importFile(id, admin);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isZero();
        var assigned = fixtures.jdbc().sql("SELECT owner_id, rule_id, status, source FROM sales_lead WHERE company_name = ?")
                .param(routed).query().singleRow();
        assertThat(assigned.get("owner_id")).isEqualTo(rep.id());
        assertThat(assigned.get("rule_id")).isEqualTo(rule);
        assertThat(assigned.get("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.get("source")).isEqualTo("TRADE_SHOW");
        var waiting = fixtures.jdbc().sql("SELECT owner_id, status FROM sales_lead WHERE company_name = ?")
                .param(pooled).query().singleRow();
        assertThat(waiting.get("owner_id")).isNull();
        assertThat(waiting.get("status")).isEqualTo("NEW");
    }

    @Test
    void duplicatesOfLeadsInTheDatabaseAndInTheFileAndOfCustomersInThePoolAreRefused() {
        CurrentUser admin = users.principal("admin");
        String leadTwin = unique("已有线索公司") + "有限公司";
        fixtures.jdbc().sql("""
                INSERT INTO sales_lead (company_name, name_key, contact_name, source, status, created_at, updated_at)
                VALUES (?, ?, '赵总', 'OTHER', 'NEW', now(), now())
                """).params(leadTwin, customerImport.nameKey(leadTwin)).update();
        String customerTwin = unique("公海客户公司") + "有限公司";
        long pooled = fixtures.insert(customerTwin, "C", "FIRST_VISIT", null);
        fixtures.jdbc().sql("UPDATE customer SET name_key = ? WHERE id = ?")
                .params(customerImport.nameKey(customerTwin), pooled).update();
        String twiceInFile = unique("文件内重复公司") + "有限公司";
        long id = upload(admin, List.of(row(leadTwin, "甲", "", "", ""), row(twiceInFile, "乙", "", "", ""),
                row(customerTwin, "丙", "", "", ""), row(twiceInFile, "丁", "", "", "")));
        int before = runner.batchesRunRowByRow.get();
        ImportJob done = importFile(id, admin);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(3);
        assertThat(runner.batchesRunRowByRow.get()).as("refused rows do not cost their batch").isEqualTo(before);
        var reasons = store.reasons(id, ImportRunner.RUN);
        assertThat(reasons.get(2)).contains("公司名称").contains("线索").contains(leadTwin);
        assertThat(reasons.get(4)).contains("客户").contains(customerTwin).contains("公海");
        assertThat(reasons.get(5)).contains(twiceInFile);
        assertThat(leads(leadTwin)).isOne();
        assertThat(leads(twiceInFile)).isOne();
        assertThat(leads(customerTwin)).isZero();
    }

    @Test
    void theLeadDryRunWritesNothingAndItsErrorWorkbookHoldsTheRowsWithAReason() throws Exception {
        CurrentUser admin = users.principal("admin");
        String good = unique("试运行线索公司") + "有限公司";
        String noContact = unique("缺联系人公司") + "有限公司";
        String badSource = unique("坏来源公司") + "有限公司";
        long id = upload(admin, List.of(row(good, "王", "", "", ""), row(noContact, "", "", "", ""),
                row(badSource, "钱", "", "", "传真")));
        ImportJob checked = dryRun(id, admin);
        assertThat(checked.status()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(checked.created()).isEqualTo(1);
        assertThat(checked.failed()).isEqualTo(2);
        assertThat(leads(good)).isZero();
        var reasons = store.reasons(id, ImportRunner.DRY);
        assertThat(reasons.get(3)).contains("联系人姓名");
        assertThat(reasons.get(4)).contains("来源渠道").contains("传真");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.writeErrors(checked, ImportRunner.DRY, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(0)).isEqualTo(noContact);
            assertThat(rows.get(2).getCellText(0)).isEqualTo(badSource);
            assertThat(rows.get(2).getCellText(HEADERS.size() + 1)).contains("传真");
        }
    }

    @Test
    void aLeadImportCannotBeUndone() {
        CurrentUser admin = users.principal("admin");
        long id = upload(admin, List.of(row(unique("不可撤销公司") + "有限公司", "王", "", "", "")));
        importFile(id, admin);
        assertThatThrownBy(() -> imports.undo(id, admin)).isInstanceOf(RuleViolation.class)
                .hasMessage("transfer.undo.leads");
    }

    @Test
    void theLeadTemplateIsDownloadedWithTheLeadColumns() throws Exception {
        byte[] body = mvc.perform(get("/imports/lead-template.xlsx").with(users.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(body))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("公司名称");
        }
    }
}
