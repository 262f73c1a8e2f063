package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CustomerIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Test
    void repCreatesACustomerWithEveryFieldAndSeesItOnListAndDetail() throws Exception {
        String name = CustomerFixtures.uniqueName("全字段");
        long id = create(users.as("rep1"), name, "A", post("/customers")
                .param("creditCode", "91350100M000100Y43")
                .param("region", "浙江杭州").param("industry", "互联网").param("source", "FOUNDER_REFERRAL")
                .param("referrer", "李总").param("website", "www.example.com").param("address", "西湖区文三路 1 号")
                .param("staffSize", "UP_TO_100").param("nextFollowUpAt", "2030-01-02T10:30")
                .param("expectedAmount", "120000.50").param("expectedCloseDate", "2030-03-01")
                .param("requirements", "需要会话存档").param("extraDiscount", "首年九折").param("remarks", "重点跟进")
                .param("tags", "高意向, 预算50万+").param("jkbServiceCodeStatus", "REPORTED")
                .param("jkbRegistrationName", "云帆后台").param("jzmhRetention", "NEW")
                .param("wechatyGithubUrl", "https://github.com/wechaty/wechaty").param("wechatyContributor", "true"));
        String detail = mvc.perform(get("/customers/{id}", id).with(users.as("rep1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains(name, "91350100M000100Y43", "浙江杭州", "互联网", "李总", "https://www.example.com",
                "西湖区文三路 1 号", "51–100 人", "2030-01-02 10:30", "¥120,000.50", "2030-03-01", "需要会话存档", "首年九折",
                "重点跟进", "高意向", "预算50万+", "报备成功", "云帆后台", "新客户", "https://github.com/wechaty/wechaty",
                "张伟");
        mvc.perform(get("/customers").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(get("/customers").param("tag", "预算50万+").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString(name)));
    }

    @Test
    void creditCodeCheckDigitIsValidated() throws Exception {
        mvc.perform(post("/customers").with(users.as("rep1")).with(csrf())
                .param("name", CustomerFixtures.uniqueName("校验")).param("type", "C").param("status", "FIRST_VISIT")
                .param("source", "OTHER").param("creditCode", "91350100M000100Y44"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("统一社会信用代码无效")));
    }

    @Test
    void duplicateCheckFoldsFullWidthCaseSpacesAndLegalSuffixes() throws Exception {
        String base = "杭州潮汐" + System.nanoTime();
        create(users.as("rep1"), base + "科技有限公司", "C", post("/customers"));
        for (String variant : new String[] { base + "科技（有限责任公司）", " " + base + " 科技 ", base + "科技股份有限公司",
                toFullWidth(base) + "科技有限公司" }) {
            mvc.perform(newCustomer(users.as("rep1"), variant, "C"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("已存在同名客户")));
        }
        String latin = "Tide Wave " + System.nanoTime();
        create(users.as("rep1"), latin + " Co., Ltd.", "C", post("/customers"));
        mvc.perform(newCustomer(users.as("rep1"), "ＴＩＤＥ ＷＡＶＥ " + toFullWidth(latin.substring(10)) + " Limited", "C"))
                .andExpect(content().string(Matchers.containsString("已存在同名客户")));
        // "Cisco" keeps its "co": only separate legal words are suffixes.
        String cisco = "Cisco" + System.nanoTime();
        create(users.as("rep1"), cisco, "C", post("/customers"));
        create(users.as("rep1"), cisco.replace("Cisco", "Cis"), "C", post("/customers"));
    }

    @Test
    void duplicateNamesTheExistingCustomerWhenVisibleAndItsOwnerOtherwise() throws Exception {
        String name = CustomerFixtures.uniqueName("归属");
        long id = create(users.as("rep1"), name, "C", post("/customers"));
        // Manager of rep1's team sees it: a link to the customer.
        mvc.perform(newCustomer(users.as("manager1"), name, "C"))
                .andExpect(content().string(Matchers.containsString("/customers/" + id)));
        // A rep of the other team may not: the owner's name, no link.
        mvc.perform(newCustomer(users.as("rep3"), name, "C"))
                .andExpect(content().string(Matchers.containsString("负责人：张伟")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/customers/" + id + "\""))));
    }

    @Test
    void duplicateCreditCodeIsRefusedIncludingPoolCustomers() throws Exception {
        long pooled = fixtures.insert(CustomerFixtures.uniqueName("公海"), "B", "FIRST_VISIT", null);
        fixtures.jdbc().sql("UPDATE customer SET credit_code = '91110000802100433B' WHERE id = ?").param(pooled).update();
        mvc.perform(newCustomer(users.as("rep2"), CustomerFixtures.uniqueName("换名"), "B")
                .param("creditCode", "91110000802100433b"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已存在相同统一社会信用代码的客户")))
                .andExpect(content().string(Matchers.containsString("在客户公海中")));
    }

    @Test
    void staleEditSaysSomeoneElseChangedTheCustomerAndKeepsTheInput() throws Exception {
        String name = CustomerFixtures.uniqueName("并发");
        long id = create(users.as("rep1"), name, "C", post("/customers"));
        mvc.perform(edit(id, name, "0").param("remarks", "第一次修改"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(edit(id, name, "0").param("remarks", "过期表单里的修改"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("其他人修改了这条记录")))
                .andExpect(content().string(Matchers.containsString("过期表单里的修改")));
        mvc.perform(get("/customers/{id}", id).with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString("第一次修改")));
    }

    @Test
    void repCannotMarkACustomerWonButAManagerCan() throws Exception {
        String name = CustomerFixtures.uniqueName("成交");
        long id = create(users.as("rep1"), name, "C", post("/customers"));
        mvc.perform(post("/customers/{id}", id).with(users.as("rep1")).with(csrf()).param("name", name)
                .param("type", "C").param("status", "WON").param("source", "OTHER").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("只有经理或审批通过的合同才能将客户设为成交")));
        mvc.perform(post("/customers/{id}", id).with(users.as("manager1")).with(csrf()).param("name", name)
                .param("type", "C").param("status", "WON").param("source", "OTHER").param("version", "0"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void xssPayloadsInTextFieldsRenderInert() throws Exception {
        String payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        String name = CustomerFixtures.uniqueName("XSS") + payload;
        long id = create(users.as("rep1"), name, "C", post("/customers").param("remarks", payload)
                .param("tags", "<b>粗</b>").param("website", "javascript:alert(3)"));
        String detail = mvc.perform(get("/customers/{id}", id).with(users.as("rep1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContain("<script>alert(1)", "<img src=x", "<b>粗</b>", "href=\"javascript:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "https://javascript:alert(3)");
        String list = mvc.perform(get("/customers").with(users.as("rep1"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
    }

    @Test
    void badInputGetsMessagesOnTheFormWithTheInputKept() throws Exception {
        mvc.perform(post("/customers").with(users.as("rep1")).with(csrf())
                .param("name", "保留输入的公司").param("type", "Z").param("status", "FIRST_VISIT").param("source", "OTHER")
                .param("expectedAmount", "很多").param("nextFollowUpAt", "明天").param("wechatyGithubUrl", "http://evil"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"保留输入的公司\"")))
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        mvc.perform(post("/customers").with(users.as("rep1")).with(csrf()).param("name", CustomerFixtures.uniqueName("介绍"))
                .param("type", "C").param("status", "FIRST_VISIT").param("source", "CUSTOMER_REFERRAL"))
                .andExpect(content().string(Matchers.containsString("请填写介绍人")));
    }

    @Test
    void managerTransfersWithinTheTeamWithReasonHistoryAndANewClock() throws Exception {
        String name = CustomerFixtures.uniqueName("转移");
        long id = create(users.as("rep1"), name, "C", post("/customers"));
        Instant before = Instant.now();
        long rep2 = fixtures.userId("rep2");
        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("manager1")).with(csrf())
                .param("targetUserId", String.valueOf(rep2)).param("reason", "张伟休假，由李娜跟进"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT owner_id FROM customer WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(rep2);
        assertThat(fixtures.jdbc().sql("SELECT clock_at FROM customer WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant()).isAfterOrEqualTo(before.minusSeconds(1));
        mvc.perform(get("/customers/{id}", id).with(users.as("rep2")))
                .andExpect(content().string(Matchers.containsString("张伟休假，由李娜跟进")))
                .andExpect(content().string(Matchers.containsString("转移")));
        // The new owner is told in the inbox (after the commit).
        deliveries.awaitAll();
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND link = ?")
                .params(rep2, "/customers/" + id).query(Long.class).single()).isEqualTo(1);
        // The former owner no longer sees it.
        mvc.perform(get("/customers/{id}", id).with(users.as("rep1"))).andExpect(status().isNotFound());
        // Not to another team's rep, and reps cannot transfer at all.
        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("manager1")).with(csrf())
                .param("targetUserId", String.valueOf(fixtures.userId("rep3"))).param("reason", "跨组"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请选择本团队内已启用的同事")));
        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("rep2")).with(csrf())
                .param("targetUserId", String.valueOf(fixtures.userId("rep1"))).param("reason", "自己转"))
                .andExpect(status().isForbidden());
        // An administrator transfers anywhere.
        mvc.perform(post("/customers/{id}/transfer", id).with(users.as("admin")).with(csrf())
                .param("targetUserId", String.valueOf(fixtures.userId("rep3"))).param("reason", "调整区域"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void listFiltersSortAndKeysetPagesStayInTheUrl() throws Exception {
        CurrentUser rep = users.newUser("lister", Role.REP, "rep1");
        for (int i = 0; i < 25; i++) {
            fixtures.insert(String.format("分页客户%02d-%d", i, rep.id()), i % 2 == 0 ? "A" : "B", "INTENT", rep.id());
        }
        RequestPostProcessor as = users.as(rep.getUsername());
        String first = mvc.perform(get("/customers?sort=NAME").with(as)).andReturn().getResponse()
                .getContentAsString();
        assertThat(first).contains("分页客户00", "分页客户19").doesNotContain("分页客户20").contains("sort=NAME");
        String next = first.replaceAll("(?s).*id=\"next-page\"[^>]*href=\"([^\"]+)\".*|(?s).*href=\"([^\"]+)\"[^>]*id=\"next-page\".*", "$1$2")
                .replace("&amp;", "&");
        assertThat(next).contains("cursor=").contains("sort=NAME");
        String second = mvc.perform(get(next).with(as)).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("分页客户20", "分页客户24").doesNotContain("分页客户19");
        String typeA = mvc.perform(get("/customers").param("type", "A").param("sort", "NAME").with(as))
                .andReturn().getResponse().getContentAsString();
        assertThat(typeA).contains("分页客户00", "分页客户02").doesNotContain("分页客户01");
        // Sorting outside the allow-list, a broken cursor or a bad filter value is ignored, not an error.
        mvc.perform(get("/customers").param("sort", "name; DROP TABLE customer").param("after", "!!!")
                .param("status", "nope").param("owner", "x").with(as)).andExpect(status().isOk());
        mvc.perform(get("/customers").param("sort", "UPDATED").param("after", "MTIzOmZvbw").with(as))
                .andExpect(status().isOk());
    }

    @Test
    void dueFiltersSelectTodayOverdueAndThisWeek() throws Exception {
        CurrentUser rep = users.newUser("due", Role.REP, "rep1");
        long overdue = fixtures.insert("逾期客户" + rep.id(), "C", "INTENT", rep.id());
        long later = fixtures.insert("远期客户" + rep.id(), "C", "INTENT", rep.id());
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = now() - interval '2 hours' WHERE id = ?").param(overdue).update();
        fixtures.jdbc().sql("UPDATE customer SET next_follow_up_at = now() + interval '60 days' WHERE id = ?").param(later).update();
        String body = mvc.perform(get("/customers").param("due", "OVERDUE").with(users.as(rep.getUsername())))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("逾期客户").doesNotContain("远期客户");
        body = mvc.perform(get("/customers").param("due", "WEEK").with(users.as(rep.getUsername())))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("远期客户");
        body = mvc.perform(get("/customers").param("q", "远期").with(users.as(rep.getUsername())))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("远期客户").doesNotContain("逾期客户");
    }

    /** Posts a new customer (source OTHER unless the request sets one) and returns its id. */
    private long create(RequestPostProcessor as, String name, String type, MockHttpServletRequestBuilder request)
            throws Exception {
        request.with(as).with(csrf()).param("name", name).param("type", type).param("status", "FIRST_VISIT");
        if (request.buildRequest(new MockServletContext()).getParameter("source") == null) {
            request.param("source", "OTHER");
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletRequestBuilder newCustomer(RequestPostProcessor as, String name, String type) {
        return post("/customers").with(as).with(csrf()).param("name", name).param("type", type)
                .param("status", "FIRST_VISIT").param("source", "OTHER");
    }

    private MockHttpServletRequestBuilder edit(long id, String name, String version) {
        return post("/customers/{id}", id).with(users.as("rep1")).with(csrf()).param("name", name).param("type", "C")
                .param("status", "FIRST_VISIT").param("source", "OTHER").param("version", version);
    }

    private static String toFullWidth(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            sb.append(ch >= '!' && ch <= '~' ? (char) (ch + 0xFEE0) : ch == ' ' ? '\u3000' : ch);
        }
        return sb.toString();
    }
}
