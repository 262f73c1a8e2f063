package io.tidecrm.integration.transfer;

import static io.tidecrm.integration.transfer.ImportTestFiles.HEADERS;
import static io.tidecrm.integration.transfer.ImportTestFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.tidecrm.customer.CustomerImport;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import's rules, each through the same path as the pages (upload, mapping guessed from the
 * headers, the dry run and the run as the background job runs them).
 */
@IntegrationTest
class ImportIntegrationTests {

    private static final AtomicLong CODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

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
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    Deliveries deliveries;

    /**
     * The owner the rows name: a rep of rep1's team of its own, so that what other tests leave rep1
     * owning (its caps filled, say) never decides these rows.
     */
    String owner;
    long ownerId;

    @org.junit.jupiter.api.BeforeEach
    void freshOwner() {
        CurrentUser rep = users.newUser("导入负责人", Role.REP, "rep1");
        owner = rep.getUsername();
        ownerId = rep.id();
    }

    // --- helpers

    long upload(byte[] content, String name, CurrentUser user) {
        return imports.upload(name, content, Locale.SIMPLIFIED_CHINESE, user);
    }

    long csv(CurrentUser user, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADERS);
        all.addAll(rows);
        return upload(ImportTestFiles.csv(StandardCharsets.UTF_8, all), "客户.csv", user);
    }

    ImportJob dryRun(long id, CustomerImport.Mode mode, CurrentUser user) {
        ImportJob job = store.find(id).orElseThrow();
        imports.check(id, imports.mappingOf(job, user), mode, user);
        runner.execute(id);
        return store.find(id).orElseThrow();
    }

    ImportJob importFile(long id, CustomerImport.Mode mode, CurrentUser user) {
        dryRun(id, mode, user);
        imports.run(id, user);
        runner.execute(id);
        return store.find(id).orElseThrow();
    }

    String reason(long id, int row) {
        return store.reasons(id, ImportRunner.RUN).get(row);
    }

    Long ownerOf(String name) {
        return fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE name = ?").param(name).query(Long.class)
                .optional().orElse(null);
    }

    long count(String sql, Object... params) {
        return fixtures.jdbc().sql(sql).params(params).query(Long.class).single();
    }

    /** A valid unified social credit code, different each time. */
    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
        String body = "91330100" + String.format("%09d", CODES.incrementAndGet() % 1_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(body.charAt(i)) * weights[i];
        }
        return body + alphabet.charAt((31 - sum % 31) % 31);
    }

    /** A customer in the database with its real normalised name, as the form would have saved it. */
    long existing(String name, Long ownerId) {
        long id = fixtures.insert(name, "B", "INTENT", ownerId);
        fixtures.jdbc().sql("UPDATE customer SET name_key = ? WHERE id = ?").params(customerImport.nameKey(name), id)
                .update();
        return id;
    }

    static String name(String prefix) {
        return CustomerFixtures.uniqueName(prefix);
    }

    // --- the rules

    @Test
    void aUtf8CsvAndAGbkCsvAreBothReadWithTheirChineseIntact() {
        CurrentUser admin = users.principal("admin");
        for (var charset : List.of(StandardCharsets.UTF_8, Spreadsheets.GBK)) {
            String company = name("编码" + charset.name().replace("-", ""));
            List<List<String>> rows = List.of(HEADERS, row(company, "", "B", owner, "王小明", "13800000001"));
            long id = upload(ImportTestFiles.csv(charset, rows), "客户.csv", admin);
            ImportJob uploaded = store.find(id).orElseThrow();
            assertThat(uploaded.charset()).isEqualTo(charset.name());
            assertThat(uploaded.headers()).isEqualTo(HEADERS);
            ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
            assertThat(done.created()).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM contact k JOIN customer c ON c.id = k.customer_id "
                    + "WHERE c.name = ? AND k.name = '王小明'", company)).isEqualTo(1);
        }
    }

    @Test
    void theColumnsAreGuessedFromChineseOrEnglishHeadersAndRememberedPerUser() {
        CurrentUser manager = users.principal("manager1");
        long id = upload(ImportTestFiles.csv(StandardCharsets.UTF_8, List.of(
                List.of("Company", "Owner", "Contact name", "Mobile", "我的备注列"), List.of(name("英文"), "", "Li", "", ""))),
                "en.csv", manager);
        ImportJob job = store.find(id).orElseThrow();
        List<String> guessed = imports.mappingOf(job, manager);
        assertThat(guessed).containsExactly("NAME", "OWNER", "CONTACT_NAME", "CONTACT_MOBILE", "");
        List<String> chosen = new ArrayList<>(guessed);
        chosen.set(4, "REMARKS");
        imports.check(id, chosen, CustomerImport.Mode.CREATE_ONLY, manager);
        long next = upload(ImportTestFiles.csv(StandardCharsets.UTF_8, List.of(List.of("公司名称", "我的备注列"),
                List.of(name("记住"), "x"))), "again.csv", manager);
        assertThat(imports.mappingOf(store.find(next).orElseThrow(), manager)).containsExactly("NAME", "REMARKS");
    }

    @Test
    void duplicatesInsideTheFileAndAgainstTheDatabaseIncludingThePoolFail() {
        CurrentUser admin = users.principal("admin");
        String owned = name("已有");
        existing(owned, fixtures.userId("rep2"));
        String pooled = name("公海");
        existing(pooled, null);
        String fresh = name("新客户");
        String other = name("另一家");
        String code = creditCode();
        long id = csv(admin, List.of(
                row(owned, "", "B", owner, "甲", ""),            // row 2: owned by rep2
                row(pooled, "", "B", owner, "乙", ""),           // row 3: in the pool
                row(fresh, code, "B", owner, "丙", "13800000003"), // row 4: created
                row(other, code, "B", owner, "丁", ""),          // row 5: same credit code, other name
                row(fresh, code, "B", owner, "丙", "13800000003"), // row 6: the same contact again
                row(fresh, creditCode(), "B", owner, "戊", "")));   // row 7: same name, other credit code
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.failed()).isEqualTo(5);
        assertThat(reason(id, 2)).contains("重复").contains(owned).contains("负责人");
        assertThat(reason(id, 3)).contains("重复").contains(pooled).contains("客户公海");
        assertThat(reason(id, 4)).isNull();
        assertThat(reason(id, 5)).contains("文件内重复").contains("统一社会信用代码");
        assertThat(reason(id, 6)).contains("文件内重复").contains("丙");
        assertThat(reason(id, 7)).contains("文件内重复").contains(fresh);
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", other)).isZero();
        assertThat(count("SELECT count(*) FROM contact k JOIN customer c ON c.id = k.customer_id WHERE c.name = ?",
                pooled)).isZero();
    }

    @Test
    void aSecondRowOfTheSameCustomerAddsItsContact() {
        CurrentUser admin = users.principal("admin");
        String company = name("多联系人");
        long id = csv(admin, List.of(row(company, "", "B", owner, "张一", "13800000011"),
                row(company, "", "B", owner, "张二", "13800000012")));
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(done.created()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", company)).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("""
                SELECT k.name FROM contact k JOIN customer c ON c.id = k.customer_id WHERE c.name = ? AND k.is_primary
                """).param(company).query(String.class).single()).isEqualTo("张一");
        assertThat(count("SELECT count(*) FROM contact k JOIN customer c ON c.id = k.customer_id WHERE c.name = ?",
                company)).isEqualTo(2);
    }

    @Test
    void theOwnersCapPerTypeStopsRowsInTheMiddleOfTheFile() {
        CurrentUser admin = users.principal("admin");
        CurrentUser rep = users.newUser("cap", Role.REP, "rep1");
        long cap = count("SELECT cap_b FROM customer_rules WHERE id = 1");
        fixtures.fillTo(rep.id(), "B", (int) cap - 1);
        String first = name("上限前");
        String over = name("上限后");
        String typeA = name("A类");
        long id = csv(admin, List.of(row(first, "", "B", rep.getUsername(), "", ""),
                row(over, "", "B", rep.getUsername(), "", ""),
                row(typeA, "", "A", rep.getUsername(), "", "")));
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(done.created()).isEqualTo(2);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(reason(id, 3)).contains("客户类型");
        assertThat(ownerOf(first)).isEqualTo(rep.id());
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", over)).isZero();
        assertThat(ownerOf(typeA)).isEqualTo(rep.id());
        assertThat(fixtures.countOwned(rep.id(), "B")).isEqualTo(cap);
    }

    @Test
    void refusedRowsDoNotRollBackTheOtherRowsOfTheirBatch() {
        CurrentUser admin = users.principal("admin");
        CurrentUser rep = users.newUser("batch", Role.REP, "rep1");
        long cap = count("SELECT cap_b FROM customer_rules WHERE id = 1");
        fixtures.fillTo(rep.id(), "B", (int) cap);
        String taken = name("已有");
        long takenId = fixtures.insert(taken, "C", "FIRST_VISIT", null);
        fixtures.jdbc().sql("UPDATE customer SET name_key = ? WHERE id = ?").params(customerImport.nameKey(taken), takenId)
                .update();
        List<List<String>> rows = new ArrayList<>();
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String n = name("批内" + i);
            good.add(n);
            rows.add(row(n, "", "C", "", "", ""));
            if (i == 10) {
                rows.add(row(name("超上限"), "", "B", rep.getUsername(), "", "")); // the cap, inside the services
                rows.add(row(taken, "", "C", "", "", "")); // a duplicate in the database
                rows.add(row(name("坏类型"), "", "Z", "", "", "")); // validation
            }
        }
        int before = runner.batchesRunRowByRow.get();
        long id = csv(admin, rows);
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(done.created()).isEqualTo(30);
        assertThat(done.failed()).isEqualTo(3);
        assertThat(runner.batchesRunRowByRow.get()).isEqualTo(before);
        for (String n : good) {
            assertThat(count("SELECT count(*) FROM customer WHERE name = ?", n)).isOne();
        }
    }

    @Test
    void rowsWithoutAnOwnerGoToThePoolAndOwnersAreFoundByUsernameOrDisplayName() {
        CurrentUser admin = users.principal("admin");
        CurrentUser rep = users.newUser("named", Role.REP, "rep1");
        String pooled = name("无负责人");
        String byUsername = name("按用户名");
        String byDisplayName = name("按姓名");
        long id = csv(admin, List.of(row(pooled, "", "C", "", "", ""),
                row(byUsername, "", "C", rep.getUsername(), "", ""),
                row(byDisplayName, "", "C", rep.displayName(), "", ""),
                row(name("无此人"), "", "C", "nobody-" + System.nanoTime(), "", "")));
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(done.created()).isEqualTo(3);
        assertThat(reason(id, 5)).contains("负责人");
        assertThat(fixtures.jdbc().sql("SELECT owner_id IS NULL AND pooled_at IS NOT NULL FROM customer WHERE name = ?")
                .param(pooled).query(Boolean.class).single()).isTrue();
        assertThat(ownerOf(byUsername)).isEqualTo(rep.id());
        assertThat(ownerOf(byDisplayName)).isEqualTo(rep.id());
        assertThat(fixtures.jdbc().sql("""
                SELECT h.kind FROM customer_owner_history h JOIN customer c ON c.id = h.customer_id WHERE c.name = ?
                """).param(pooled).query(String.class).single()).isEqualTo("IMPORTED");
    }

    @Test
    void importedCustomersStartTheirClockAtTheImport() {
        CurrentUser admin = users.principal("admin");
        clock.setInstant(Instant.parse("2026-06-01T02:00:00Z"));
        String company = name("时钟");
        long id = csv(admin, List.of(row(company, "", "B", owner, "", "")));
        clock.advance(Duration.ofHours(3));
        Instant runAt = clock.instant();
        dryRun(id, CustomerImport.Mode.CREATE_ONLY, admin);
        imports.run(id, admin);
        clock.advance(Duration.ofMinutes(5));
        runner.execute(id);
        assertThat(fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE name = ?").param(company)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(runAt);
    }

    @Test
    void theThreeModesCreateUpdateOrBoth() {
        CurrentUser admin = users.principal("admin");
        String existingName = name("模式已有");
        String code = creditCode();
        long existingId = existing(existingName, ownerId);
        fixtures.jdbc().sql("UPDATE customer SET credit_code = ? WHERE id = ?").params(code, existingId).update();
        // Matched on the credit code under a new name, and on the normalised name (a legal suffix left off).
        String renamed = name("模式改名");
        String shortName = existingName.replace("有限公司", "");

        String newInCreateOnly = name("仅新建");
        long createOnly = csv(admin, List.of(row(existingName, "", "A", owner, "", ""),
                row(newInCreateOnly, "", "B", owner, "", "")));
        ImportJob c = importFile(createOnly, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(c.created()).isEqualTo(1);
        assertThat(c.failed()).isEqualTo(1);

        String notThere = name("仅更新不存在");
        long updateOnly = csv(admin, List.of(row(shortName, "", "A", "", "新联系人", ""),
                row(notThere, "", "B", owner, "", "")));
        ImportJob u = importFile(updateOnly, CustomerImport.Mode.UPDATE_ONLY, admin);
        assertThat(u.updated()).isEqualTo(1);
        assertThat(u.skipped()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", notThere)).isZero();
        assertThat(fixtures.jdbc().sql("SELECT type FROM customer WHERE id = ?").param(existingId).query(String.class)
                .single()).isEqualTo("A");
        assertThat(count("SELECT count(*) FROM contact WHERE customer_id = ? AND name = '新联系人'", existingId))
                .isEqualTo(1);

        String created = name("两者新建");
        long both = csv(admin, List.of(row(renamed, code, "C", "", "", ""), row(created, "", "B", owner, "", "")));
        ImportJob b = importFile(both, CustomerImport.Mode.CREATE_OR_UPDATE, admin);
        assertThat(b.updated()).isEqualTo(1);
        assertThat(b.created()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT name FROM customer WHERE id = ?").param(existingId).query(String.class)
                .single()).isEqualTo(renamed);
        assertThat(ownerOf(created)).isEqualTo(ownerId);
    }

    @Test
    void theDryRunShowsEveryRowsProblemsAndWritesNothing() {
        CurrentUser admin = users.principal("admin");
        String good = name("试运行");
        long id = csv(admin, List.of(row(good, "", "B", owner, "赵", "13800000021"),
                row(good, "", "B", owner, "钱", "13800000022"),
                row(name("坏类型"), "", "Z", owner, "", ""),
                row("", "", "B", owner, "孙", ""),
                row(name("坏手机"), "", "B", owner, "李", "abc")));
        String before = fingerprint();
        ImportJob checked = dryRun(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(checked.status()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(checked.created()).isEqualTo(2);
        assertThat(checked.failed()).isEqualTo(3);
        var problems = store.reasons(id, ImportRunner.DRY);
        assertThat(problems.keySet()).containsExactlyInAnyOrder(4, 5, 6);
        assertThat(problems.get(4)).contains("客户类型");
        assertThat(problems.get(5)).contains("公司全称");
        assertThat(problems.get(6)).contains("手机");
    }

    private String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String table : List.of("customer", "contact", "customer_owner_history", "audit_event")) {
            sb.append(table).append('=').append(fixtures.jdbc()
                    .sql("SELECT count(*) || '/' || coalesce(max(xmin::text::bigint), 0) FROM " + table)
                    .query(String.class).single()).append(' ');
        }
        return sb.toString();
    }

    @Test
    void theErrorWorkbookHoldsTheOriginalRowsAndAReasonColumn() throws Exception {
        CurrentUser admin = users.principal("admin");
        String bad = name("错误簿");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        rows.add(row(name("好行"), "", "B", owner, "", ""));
        rows.add(row(bad, "", "Z", owner, "某人", "=1+1"));
        long id = upload(ImportTestFiles.xlsx(rows), "客户.xlsx", admin);
        importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.writeErrors(store.find(id).orElseThrow(), ImportRunner.RUN, out);
        List<List<String>> read = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = sheet.iterator();
            while (it.hasNext()) {
                Row r = it.next();
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCellText(c));
                }
                read.add(cells);
            }
        }
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).startsWith(HEADERS.toArray(String[]::new)).endsWith("原行号", "原因");
        assertThat(read.get(1).subList(0, 7)).isEqualTo(rows.get(2).subList(0, 7));
        assertThat(read.get(1).get(7)).isEqualTo("'=1+1");
        assertThat(read.get(1).get(HEADERS.size())).isEqualTo("3");
        assertThat(read.get(1).get(HEADERS.size() + 1)).contains("客户类型");
    }

    @Test
    void anImportIsUndoneAsAWholeWhileNoneOfItsCustomersWasTouched() {
        CurrentUser admin = users.principal("admin");
        String one = name("撤销一");
        String two = name("撤销二");
        long id = csv(admin, List.of(row(one, "", "B", owner, "甲", ""), row(two, "", "B", "", "乙", "")));
        importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        assertThat(count("SELECT count(*) FROM customer WHERE name IN (?, ?)", one, two)).isEqualTo(2);
        assertThat(imports.undo(id, admin)).isEmpty();
        assertThat(count("SELECT count(*) FROM customer WHERE name IN (?, ?)", one, two)).isZero();
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ImportJob.Status.UNDONE);
    }

    @Test
    void undoIsRefusedAfterACustomerWasTouchedAndNamesIt() throws Exception {
        CurrentUser admin = users.principal("admin");
        String touched = name("已改动");
        String untouched = name("未改动");
        long id = csv(admin, List.of(row(touched, "", "B", owner, "", ""), row(untouched, "", "B", owner, "", "")));
        importFile(id, CustomerImport.Mode.CREATE_ONLY, admin);
        long touchedId = fixtures.jdbc().sql("SELECT id FROM customer WHERE name = ?").param(touched).query(Long.class)
                .single();
        // Someone edits the customer after the import (a form's save, a follow-up: either moves its version).
        fixtures.jdbc().sql("UPDATE customer SET remarks = '改过', version = version + 1 WHERE id = ?").param(touchedId)
                .update();
        var blockers = imports.undo(id, admin);
        assertThat(blockers).extracting(CustomerImport.Blocker::name).containsExactly(touched);
        assertThat(count("SELECT count(*) FROM customer WHERE name IN (?, ?)", touched, untouched)).isEqualTo(2);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ImportJob.Status.DONE);
        mvc.perform(get("/imports/{id}", id).with(users.as("admin"))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("id=\"blockers\"")
                        .contains(touched));
    }

    /** An existing customer, and an import (uploaded, not yet run) that updates it. */
    record UpdateImport(long customerId, String name, String code, long importId) {
    }

    /**
     * An existing customer of the owner (type B, status 意向 INTENT, region 杭州) with a credit code
     * and one contact without e-mail, all from before the import on 2026-05-11; and an import of two
     * rows for it: a new type, status and contact e-mail, then a second contact.
     */
    UpdateImport updateImport(String prefix, CurrentUser admin) {
        clock.setInstant(java.time.Instant.parse("2026-05-11T02:00:00Z"));
        String name = name(prefix);
        String code = creditCode();
        String mobile = "139" + String.format("%08d", CODES.incrementAndGet() % 100_000_000L);
        long id = existing(name, ownerId);
        fixtures.jdbc().sql("UPDATE customer SET credit_code = ?, region = '杭州' WHERE id = ?").params(code, id).update();
        fixtures.jdbc().sql("""
                INSERT INTO contact (customer_id, name, mobile, is_primary, created_at, updated_at)
                VALUES (?, '老联系人', ?, true, TIMESTAMPTZ '2026-05-01 08:00+08', TIMESTAMPTZ '2026-05-01 08:00+08')
                """).params(id, mobile).update();
        long importId = csv(admin, List.of(
                List.of(name, code, "A", "初访", "百度等搜索引擎", "", "老联系人", mobile, "new@example.com"),
                List.of(name, "", "A", "", "", "", "导入新联系人", "", "")));
        return new UpdateImport(id, name, code, importId);
    }

    @Test
    void undoingAnUpdateImportGivesTheCustomersAndContactsItUpdatedTheirPreviousValues() {
        CurrentUser admin = users.principal("admin");
        UpdateImport u = updateImport("撤销更新", admin);
        long id = u.customerId();
        ImportJob done = importFile(u.importId(), CustomerImport.Mode.CREATE_OR_UPDATE, admin);
        assertThat(done.updated()).isEqualTo(1);
        assertThat(done.created()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("SELECT type || status FROM customer WHERE id = ?").param(id).query(String.class)
                .single()).isEqualTo("AFIRST_VISIT");
        assertThat(fixtures.jdbc().sql("SELECT email FROM contact WHERE customer_id = ? AND name = '老联系人'").param(id)
                .query(String.class).single()).isEqualTo("new@example.com");

        assertThat(imports.undo(u.importId(), admin)).isEmpty();

        assertThat(fixtures.jdbc().sql("SELECT type || status || region || name || credit_code FROM customer WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo("BINTENT杭州" + u.name() + u.code());
        assertThat(fixtures.jdbc().sql("SELECT coalesce(email, '-') FROM contact WHERE customer_id = ? AND name = '老联系人'")
                .param(id).query(String.class).single()).isEqualTo("-");
        assertThat(count("SELECT count(*) FROM contact WHERE customer_id = ?", id)).isEqualTo(1);
        assertThat(store.find(u.importId()).orElseThrow().status()).isEqualTo(ImportJob.Status.UNDONE);
    }

    @Test
    void undoOfAnUpdateImportIsRefusedAfterAnUpdatedCustomerWasTouchedAndNamesIt() {
        CurrentUser admin = users.principal("admin");
        UpdateImport u = updateImport("更新后改动", admin);
        importFile(u.importId(), CustomerImport.Mode.UPDATE_ONLY, admin);
        fixtures.jdbc().sql("UPDATE customer SET remarks = '改过', version = version + 1 WHERE id = ?")
                .param(u.customerId()).update();

        var blockers = imports.undo(u.importId(), admin);

        assertThat(blockers).extracting(CustomerImport.Blocker::name).containsExactly(u.name());
        assertThat(fixtures.jdbc().sql("SELECT type FROM customer WHERE id = ?").param(u.customerId())
                .query(String.class).single()).isEqualTo("A");
        assertThat(store.find(u.importId()).orElseThrow().status()).isEqualTo(ImportJob.Status.DONE);
    }

    @Test
    void anImportsNewCustomersCountOnTheBoardsAreAuditedAndItsUndoTakesThemBack() {
        CurrentUser admin = users.principal("admin");
        clock.setInstant(java.time.Instant.parse("2026-05-11T02:00:00Z"));
        String owned = name("榜单新客");
        long importId = csv(admin, List.of(row(owned, "", "B", owner, "", ""),
                row(name("榜单公海"), "", "B", "", "", "")));
        importFile(importId, CustomerImport.Mode.CREATE_ONLY, admin);
        deliveries.awaitAll();
        assertThat(fixtures.jdbc().sql("SELECT actor_name || ' ' || details FROM audit_event WHERE kind = 'OWNER_CHANGED'"
                + " AND subject LIKE ?").param(owned + " (#%").query(String.class).single())
                .isEqualTo("admin kind=IMPORTED from=- to=" + owner + "(#" + ownerId + ")");
        String board = "SELECT coalesce(sum(value), 0) FROM board_fact WHERE board = 'NEW_CUSTOMERS' AND user_id = ?";
        String day = "SELECT count(*) FROM work_day_fact WHERE source = 'NEW_CUSTOMER' AND user_id = ?";
        assertThat(count(board, ownerId)).isEqualTo(1);
        assertThat(count(day, ownerId)).isEqualTo(1);

        assertThat(imports.undo(importId, admin)).isEmpty();
        deliveries.awaitAll();

        assertThat(count(board, ownerId)).isZero();
        assertThat(count(day, ownerId)).isZero();
    }

    @Test
    void repsMayNotImportAndAnotherManagersImportIsNotFound() throws Exception {
        assertThatThrownBy(() -> csv(users.principal("rep1"), List.of(row(name("代表"), "", "B", "", "", ""))))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "a.csv", "text/csv",
                ImportTestFiles.csv(StandardCharsets.UTF_8, List.of(HEADERS, row(name("代表"), "", "B", "", "", "")))))
                .with(users.as("rep1")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/imports").with(users.as("rep1"))).andExpect(status().isForbidden());
        long id = csv(users.principal("manager1"), List.of(row(name("经理一"), "", "B", "", "", "")));
        mvc.perform(get("/imports/{id}", id).with(users.as("manager2"))).andExpect(status().isNotFound());
        mvc.perform(get("/imports/{id}", id).with(users.as("manager1"))).andExpect(status().isOk());
        mvc.perform(get("/imports/{id}", id).with(users.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void aManagerGivesCustomersOnlyToTheirOwnTeam() {
        CurrentUser manager = users.principal("manager1");
        String foreign = name("他组");
        long id = csv(manager, List.of(row(foreign, "", "B", "rep3", "", "")));
        ImportJob done = importFile(id, CustomerImport.Mode.CREATE_ONLY, manager);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(reason(id, 2)).contains("rep3");
    }
}
