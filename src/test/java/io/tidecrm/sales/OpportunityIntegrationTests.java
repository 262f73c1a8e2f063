package io.tidecrm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tidecrm.support.CatalogFixtures;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Opportunities through their pages: amounts, products, stages, the board, the customer's clock, XSS and bad input. */
@IntegrationTest
class OpportunityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogFixtures catalog;

    @Autowired
    MutableClock clock;

    // --- amounts

    @Test
    void lineTotalsAndAmountAreComputedOnTheServerAndATamperedTotalIsIgnored() throws Exception {
        long customer = customerOf("rep1");
        long basic = catalog.basicEdition();      // 4,980.00 / 套
        long archive = catalog.sessionArchive();  // 500.00 / 座席
        long id = create("rep1", customer, "两条明细", post("/customers/{id}/opportunities", customer)
                .param("amount", "1.00").param("total", "1.00")
                .param("lines[0].productId", String.valueOf(basic)).param("lines[0].quantity", "2")
                .param("lines[0].discount", "10").param("lines[0].lineTotal", "1.00")
                .param("lines[1].productId", String.valueOf(archive)).param("lines[1].quantity", "3")
                .param("lines[1].unitPrice", "").param("lines[1].lineTotal", "0.01")
                .param("lines[2].productId", "").param("lines[2].quantity", ""));
        // 2 × 4980 × 90% = 8964.00 and 3 × 500 (catalog price, the price was left empty) = 1500.00
        assertThat(amount(id)).isEqualByComparingTo("10464.00");
        assertThat(jdbc().sql("SELECT line_total FROM opportunity_line WHERE opportunity_id = ? ORDER BY position")
                .param(id).query(BigDecimal.class).list())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("8964.00"), new BigDecimal("1500.00"));
        assertThat(page("rep1", "/opportunities/" + id)).contains("¥10,464.00", "¥8,964.00", "¥1,500.00", "基础版");

        // An edit recomputes: one line left, at an edited unit price; the amount sent is ignored again.
        mvc.perform(post("/opportunities/{id}", id).with(users.as("rep1")).with(csrf())
                .param("title", "两条明细").param("expectedCloseDate", "2030-06-30").param("version", "0")
                .param("amount", "99999")
                .param("lines[0].productId", String.valueOf(basic)).param("lines[0].quantity", "1.5")
                .param("lines[0].unitPrice", "4000").param("lines[0].discount", "12.5"))
                .andExpect(status().is3xxRedirection());
        assertThat(amount(id)).isEqualByComparingTo("5250.00"); // 1.5 × 4000 × 87.5%
    }

    @Test
    void withoutLinesTheAmountIsEnteredByHandAndRequired() throws Exception {
        long customer = customerOf("rep1");
        long id = create("rep1", customer, "手填金额", post("/customers/{id}/opportunities", customer)
                .param("amount", "123456.78"));
        assertThat(amount(id)).isEqualByComparingTo("123456.78");
        mvc.perform(newOpportunity("rep1", customer, "没有金额"))
                .andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("请填写金额，或添加产品明细"));
    }

    // --- products

    @Test
    void disabledProductIsRefusedOnNewLinesButShownOnOldOnes() throws Exception {
        long product = catalog.insertProduct("停用测试", "888.00");
        long customer = customerOf("rep1");
        long old = create("rep1", customer, "旧商机", post("/customers/{id}/opportunities", customer)
                .param("lines[0].productId", String.valueOf(product)).param("lines[0].quantity", "1"));
        jdbc().sql("UPDATE product SET enabled = false WHERE id = ?").param(product).update();

        // A new opportunity cannot have it, and the form no longer offers it.
        String refused = mvc.perform(newOpportunity("rep1", customer, "新商机")
                .param("lines[0].productId", String.valueOf(product)).param("lines[0].quantity", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("已停用，不能加入新的明细");
        assertThat(page("rep1", "/customers/" + customer + "/opportunities/new")).doesNotContain("停用测试");

        // The old one still shows it, marked, and keeps it through an edit ...
        assertThat(page("rep1", "/opportunities/" + old)).contains("停用测试", "（已停用）", "¥888.00");
        assertThat(page("rep1", "/opportunities/" + old + "/edit")).contains("停用测试");
        mvc.perform(edit("rep1", old, "旧商机改名", 0)
                .param("lines[0].productId", String.valueOf(product)).param("lines[0].quantity", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(amount(old)).isEqualByComparingTo("1776.00");
        // ... but cannot get a second line of it.
        mvc.perform(edit("rep1", old, "旧商机改名", 1)
                .param("lines[0].productId", String.valueOf(product)).param("lines[0].quantity", "2")
                .param("lines[1].productId", String.valueOf(product)).param("lines[1].quantity", "1"))
                .andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("已停用，不能加入新的明细"));
    }

    // --- stages

    @Test
    void openStagesMoveFreelyWithTheStageDefaultProbability() throws Exception {
        long id = create("rep1", customerOf("rep1"), "阶段流转", null);
        assertThat(stage(id)).isEqualTo("LEAD");
        assertThat(probability(id)).isEqualTo(10);
        moveStage("rep1", id, "SOLUTION", 0, null).andExpect(status().is3xxRedirection());
        assertThat(stage(id)).isEqualTo("SOLUTION");
        assertThat(probability(id)).isEqualTo(40);
        moveStage("rep1", id, "QUALIFIED", 1, null).andExpect(status().is3xxRedirection());
        assertThat(probability(id)).isEqualTo(20);
        moveStage("rep1", id, "WON", 2, null).andExpect(status().is3xxRedirection());
        assertThat(stage(id)).isEqualTo("WON");
        assertThat(probability(id)).isEqualTo(100);
    }

    @Test
    void lostNeedsAReason() throws Exception {
        long id = create("rep1", customerOf("rep1"), "输单原因", null);
        moveStage("rep1", id, "LOST", 0, "  ").andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("请填写输单原因"));
        assertThat(stage(id)).isEqualTo("LEAD");
        moveStage("rep1", id, "LOST", 0, "预算取消").andExpect(status().is3xxRedirection());
        assertThat(stage(id)).isEqualTo("LOST");
        assertThat(probability(id)).isZero();
        assertThat(page("rep1", "/opportunities/" + id)).contains("预算取消");
    }

    @Test
    void closedOpportunitiesDoNotSwitchBetweenWonAndLostAndOnlyAManagerReopensThem() throws Exception {
        long id = create("rep1", customerOf("rep1"), "关闭规则", null);
        moveStage("rep1", id, "WON", 0, null).andExpect(status().is3xxRedirection());
        moveStage("rep1", id, "LOST", 1, "后悔了").andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("请先重新打开"));
        moveStage("rep1", id, "NEGOTIATION", 1, null).andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("只有经理或管理员才能重新打开"));
        assertThat(stage(id)).isEqualTo("WON");
        // A closed opportunity cannot be edited either.
        mvc.perform(edit("rep1", id, "改名", 1).param("amount", "1")).andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("该商机已关闭"));
        // The rep's manager reopens it; the lost reason of a reopened lost one is cleared.
        moveStage("manager1", id, "NEGOTIATION", 1, null).andExpect(status().is3xxRedirection());
        assertThat(stage(id)).isEqualTo("NEGOTIATION");
        assertThat(probability(id)).isEqualTo(80);
        moveStage("rep1", id, "LOST", 2, "竞品低价").andExpect(status().is3xxRedirection());
        moveStage("admin", id, "PROPOSAL", 3, null).andExpect(status().is3xxRedirection());
        assertThat(jdbc().sql("SELECT lost_reason FROM opportunity WHERE id = ?").param(id).query(String.class)
                .optional()).isEmpty();
    }

    @Test
    void theStageFormPreselectsNoTargetSoTheFirstStageIsNotTakenForTheCurrentOneAndAnEmptyMoveIsNamed()
            throws Exception {
        long id = create("rep1", customerOf("rep1"), "阶段选择", null);
        moveStage("rep1", id, "QUALIFIED", 0, null).andExpect(status().is3xxRedirection());
        String form = page("rep1", "/opportunities/" + id);
        form = form.substring(form.indexOf("id=\"stage-form\""));
        form = form.substring(0, form.indexOf("</select>"));
        // The empty choice comes first and nothing is selected, so the browser shows it.
        assertThat(form).contains("变更为").doesNotContain("selected");
        assertThat(form.substring(form.indexOf("<option"))).startsWith("<option value=\"\">— 选择新阶段 —</option>");
        moveStage("rep1", id, "", 1, null).andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("请选择或填写阶段"));
        assertThat(stage(id)).isEqualTo("QUALIFIED");
    }

    @Test
    void staleStageFormSaysSomeoneElseChangedIt() throws Exception {
        long id = create("rep1", customerOf("rep1"), "过期阶段", null);
        moveStage("rep1", id, "QUALIFIED", 0, null).andExpect(status().is3xxRedirection());
        moveStage("manager1", id, "SOLUTION", 0, null).andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("其他人刚刚修改了这个商机"));
        assertThat(stage(id)).isEqualTo("QUALIFIED");
    }

    // --- the board

    @Test
    void boardMoveSavesTheStageAndAnswersTheBoardAsSaved() throws Exception {
        long id = create("rep1", customerOf("rep1"), "看板拖动", null);
        String board = boardMove("rep1", id, "QUALIFIED", 0, null).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(stage(id)).isEqualTo("QUALIFIED");
        assertThat(board).startsWith("<div id=\"board\"").contains("阶段已保存")
                .doesNotContain("<html"); // the fragment only, for board.js to swap in
        assertThat(column(board, "QUALIFIED")).contains("card-" + id);
        assertThat(column(board, "LEAD")).doesNotContain("card-" + id);
        assertThat(page("rep1", "/opportunities/board")).contains("看板拖动");
    }

    @Test
    void boardMoveOfAnIdOutsideTheScopeIs404() throws Exception {
        long id = create("rep3", customerOf("rep3"), "别组的商机", null);
        boardMove("rep1", id, "QUALIFIED", 0, null).andExpect(status().isNotFound());
        boardMove("rep1", 987654321L, "QUALIFIED", 0, null).andExpect(status().isNotFound());
        assertThat(stage(id)).isEqualTo("LEAD");
    }

    @Test
    void boardMoveRefusedByTheRulesAnswersTheBoardWithTheMessage() throws Exception {
        long id = create("rep1", customerOf("rep1"), "看板规则", null);
        boardMove("rep1", id, "WON", 0, null).andExpect(status().isOk());
        String board = boardMove("rep1", id, "QUALIFIED", 1, null).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("只有经理或管理员才能重新打开");
        assertThat(column(board, "WON")).contains("card-" + id);
        boardMove("rep1", id, "NOPE", 1, null).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void boardMoveToLostWithoutAReasonAsksForIt() throws Exception {
        long id = create("rep1", customerOf("rep1"), "看板输单", null);
        String board = boardMove("rep1", id, "LOST", 0, null).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("请填写输单原因", "id=\"lost-reason-form\"", "name=\"lostReason\"");
        assertThat(stage(id)).isEqualTo("LEAD");
        boardMove("rep1", id, "LOST", 0, "客户选了别家").andExpect(status().isOk());
        assertThat(stage(id)).isEqualTo("LOST");
    }

    @Test
    void boardMoveWithAStaleVersionIsRefusedAndShowsTheSavedState() throws Exception {
        long id = create("rep1", customerOf("rep1"), "看板过期", null);
        boardMove("manager1", id, "PROPOSAL", 0, null).andExpect(status().isOk());
        String board = boardMove("rep1", id, "QUALIFIED", 0, null).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("其他人刚刚修改了这个商机");
        assertThat(column(board, "PROPOSAL")).contains("card-" + id);
        assertThat(stage(id)).isEqualTo("PROPOSAL");
    }

    // --- following up

    @Test
    void creatingAnOpportunityMovesTheCustomersClockForward() throws Exception {
        long customer = customerOf("rep1");
        Instant old = Instant.parse("2025-01-01T00:00:00Z");
        jdbc().sql("UPDATE customer SET clock_at = ? WHERE id = ?").params(Timestamp.from(old), customer).update();
        clock.setInstant(Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        create("rep1", customer, "算跟进", null);
        assertThat(jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(customer).query(Timestamp.class)
                .single().toInstant()).isEqualTo(clock.instant());
    }

    // --- the customer page

    @Test
    void customerPageListsItsOpportunitiesWithALinkToCreateOne() throws Exception {
        long customer = customerOf("rep1");
        long id = create("rep1", customer, "客户页上的商机", null);
        assertThat(page("rep1", "/customers/" + customer)).contains("客户页上的商机", "/opportunities/" + id,
                "/customers/" + customer + "/opportunities/new", "id=\"opportunity-panel\"");
    }

    @Test
    void aCustomerInThePoolGetsNoOpportunity() throws Exception {
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("公海商机"), "B", "INTENT", null);
        mvc.perform(newOpportunity("admin", pooled, "公海客户的商机").param("amount", "1"))
                .andExpect(status().isOk())
                .andExpect(body -> assertThat(body.getResponse().getContentAsString()).contains("该客户在公海中"));
    }

    // --- the list

    @Test
    void listFiltersByStageOwnerAndCloseMonthAndPagesByKey() throws Exception {
        var rep = users.newUser("oppList", io.tidecrm.identity.Role.REP, "rep1");
        long customer = fixtures.insert(CustomerFixtures.uniqueName("列表"), "B", "INTENT", rep.id());
        for (int i = 0; i < 22; i++) {
            create(rep.getUsername(), customer, String.format("分页商机%02d-%d", i, rep.id()),
                    post("/customers/{id}/opportunities", customer).param("amount", "100")
                            .param("expectedCloseDate", i == 0 ? "2031-02-10" : "2031-03-10"));
        }
        String first = page(rep.getUsername(), "/opportunities");
        assertThat(first).contains("分页商机21", "分页商机02").doesNotContain("分页商机01-").contains("id=\"next-page\"");
        String older = first.replaceAll("(?s).*href=\"([^\"]+)\" id=\"next-page\".*", "$1").replace("&amp;", "&");
        assertThat(page(rep.getUsername(), older)).contains("分页商机01-", "分页商机00-").doesNotContain("分页商机02-");
        assertThat(page(rep.getUsername(), "/opportunities?month=2031-02")).contains("分页商机00-").doesNotContain("分页商机01-");
        assertThat(page(rep.getUsername(), "/opportunities?stage=WON")).doesNotContain("分页商机");
        // Managers filter by owner; a rep's owner filter is ignored; bad values are ignored too.
        assertThat(page("manager1", "/opportunities?owner=" + rep.id() + "&month=2031-02")).contains("分页商机00-");
        assertThat(page("manager1", "/opportunities?owner=" + fixtures.userId("rep2") + "&month=2031-02"))
                .doesNotContain("分页商机00-");
        assertThat(page(rep.getUsername(), "/opportunities?owner=1&month=2031-02")).contains("分页商机00-");
        mvc.perform(get("/opportunities?stage=x&owner=y&month=z&before=w").with(users.as("rep1")))
                .andExpect(status().isOk());
    }

    // --- XSS and bad input

    @Test
    void xssPayloadInTitleAndNextStepRendersInert() throws Exception {
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        long customer = customerOf("rep1");
        long id = create("rep1", customer, "XSS" + payload, post("/customers/{id}/opportunities", customer)
                .param("amount", "1").param("nextStep", payload));
        for (String path : List.of("/opportunities/" + id, "/opportunities", "/opportunities/board",
                "/customers/" + customer, "/opportunities/" + id + "/edit")) {
            assertThat(page("rep1", path)).as(path)
                    .doesNotContain("<script>alert(1)", "<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        String board = boardMove("rep1", id, "LOST", 0, null).andReturn().getResponse().getContentAsString();
        assertThat(board).doesNotContain("<script>alert(1)", "<img src=x");
    }

    @Test
    void badInputGetsMessagesOnTheFormWithTheInputKept() throws Exception {
        long customer = customerOf("rep1");
        long basic = catalog.basicEdition();
        // Values that are not numbers at all: the form comes back with the input as typed.
        String body = mvc.perform(newOpportunity("rep1", customer, "保留输入的商机").param("amount", "很多")
                .param("lines[0].productId", String.valueOf(basic)).param("lines[0].quantity", "两个"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("value=\"保留输入的商机\"", "value=\"很多\"", "value=\"两个\"", "value=\"2030-06-30\"",
                "请填写数字", "is-invalid");
        // Numbers out of range: a message on each field, the input kept.
        body = mvc.perform(newOpportunity("rep1", customer, "保留输入的商机").param("probability", "150")
                .param("lines[0].productId", String.valueOf(basic)).param("lines[0].quantity", "-2")
                .param("lines[0].discount", "120")
                .param("lines[1].productId", String.valueOf(basic)).param("lines[1].quantity", "1")
                .param("lines[1].unitPrice", "-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("value=\"保留输入的商机\"", "value=\"150\"", "value=\"-2\"", "value=\"120\"",
                "value=\"-1\"", "数量必须大于 0", "优惠（减免 %）须在 0 到 100 之间", "单价不能为负数");
        assertThat(countOpportunitiesNamed("保留输入的商机")).isZero();

        // A line without a product or quantity, and a product that does not exist.
        body = mvc.perform(newOpportunity("rep1", customer, "缺产品").param("lines[0].quantity", "1")
                .param("lines[1].productId", String.valueOf(basic))
                .param("lines[2].productId", "987654321").param("lines[2].quantity", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("请为此行选择产品", "请填写数量", "该产品不存在");

        // An amount that numeric(14, 2) cannot hold, and rows sent with gaps in their indexes.
        mvc.perform(newOpportunity("rep1", customer, "太大").param("lines[0].productId", String.valueOf(basic))
                .param("lines[0].quantity", "9999999999").param("lines[0].unitPrice", "999999999999"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("金额过大"));
        mvc.perform(newOpportunity("rep1", customer, "有空洞").param("amount", "x")
                .param("lines[3].productId", String.valueOf(basic)).param("lines[3].quantity", "1"))
                .andExpect(status().isOk());
        mvc.perform(newOpportunity("rep1", customer, "有空洞").param("probability", "101")
                .param("lines[3].productId", String.valueOf(basic)).param("lines[3].quantity", "1"))
                .andExpect(status().isOk());
        mvc.perform(newOpportunity("rep1", customer, "太多行").param("lines[300].quantity", "1"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isLessThan(500));
        mvc.perform(newOpportunity("rep1", customer, "阶段").param("stage", "WON").param("amount", "1"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("新商机只能从未关闭的阶段"));
    }

    // --- helpers

    private long customerOf(String username) {
        return fixtures.customerOf(username, "商机");
    }

    private MockHttpServletRequestBuilder newOpportunity(String username, long customerId, String title) {
        return post("/customers/{id}/opportunities", customerId).with(users.as(username)).with(csrf())
                .param("title", title).param("expectedCloseDate", "2030-06-30");
    }

    private MockHttpServletRequestBuilder edit(String username, long id, String title, long version) {
        return post("/opportunities/{id}", id).with(users.as(username)).with(csrf()).param("title", title)
                .param("expectedCloseDate", "2030-06-30").param("version", String.valueOf(version));
    }

    /** Creates an opportunity (amount 10000 unless the request says otherwise) and returns its id. */
    private long create(String username, long customerId, String title, MockHttpServletRequestBuilder request)
            throws Exception {
        MockHttpServletRequestBuilder r = request == null
                ? post("/customers/{id}/opportunities", customerId).param("amount", "10000") : request;
        r.with(users.as(username)).with(csrf()).param("title", title);
        if (!r.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameterMap()
                .containsKey("expectedCloseDate")) {
            r.param("expectedCloseDate", "2030-06-30");
        }
        String location = mvc.perform(r).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The stage form of the detail page. */
    private ResultActions moveStage(String username, long id, String stage, long version, String reason)
            throws Exception {
        return mvc.perform(stageRequest(username, id, stage, version, reason));
    }

    /** The same move as the board sends it. */
    private ResultActions boardMove(String username, long id, String stage, long version, String reason)
            throws Exception {
        return mvc.perform(stageRequest(username, id, stage, version, reason).header("HX-Request", "true"));
    }

    private MockHttpServletRequestBuilder stageRequest(String username, long id, String stage, long version,
            String reason) {
        var request = post("/opportunities/{id}/stage", id).with(users.as(username)).with(csrf())
                .param("stage", stage).param("version", String.valueOf(version));
        return reason == null ? request : request.param("lostReason", reason);
    }

    /** The HTML of one board column, from its opening tag to the next column's. */
    private static String column(String board, String stage) {
        int start = board.indexOf("id=\"column-" + stage + "\"");
        assertThat(start).as("column " + stage).isNotNegative();
        int end = board.indexOf("id=\"column-", start + 1);
        return board.substring(start, end < 0 ? board.length() : end);
    }

    private String page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(users.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private BigDecimal amount(long id) {
        return jdbc().sql("SELECT amount FROM opportunity WHERE id = ?").param(id).query(BigDecimal.class).single();
    }

    private String stage(long id) {
        return jdbc().sql("SELECT stage FROM opportunity WHERE id = ?").param(id).query(String.class).single();
    }

    private int probability(long id) {
        return jdbc().sql("SELECT probability FROM opportunity WHERE id = ?").param(id).query(Integer.class).single();
    }

    private long countOpportunitiesNamed(String title) {
        return jdbc().sql("SELECT count(*) FROM opportunity WHERE title = ?").param(title).query(Long.class).single();
    }

    private JdbcClient jdbc() {
        return fixtures.jdbc();
    }
}
