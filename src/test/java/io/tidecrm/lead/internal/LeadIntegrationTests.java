package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Leads through the pages: recording, visibility (404 on every route), conditional state changes, duplicates, input. */
@IntegrationTest
class LeadIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    LeadDuplicates duplicates;

    @Autowired
    io.tidecrm.customer.CustomerIntake intake;

    LeadTestData data;

    @BeforeEach
    void setUp() {
        data = new LeadTestData(jdbc, (Clock) clock);
    }

    MockHttpServletRequestBuilder leadForm(MockHttpServletRequestBuilder request, String company) {
        return request.param("companyName", company).param("contactName", "李总").param("mobile", "13800001111")
                .param("region", "华东").param("industry", "制造业").param("source", "TRADE_SHOW")
                .param("sourceDetail", "展会-2024年3月上海行业展-展位A12").param("unverified", "budget")
                .param("tags", "高意向, 预算50万+");
    }

    long record(String username, String company) throws Exception {
        String location = mvc.perform(leadForm(post("/leads"), company).param("duplicateConfirmed", "true").with(users.as(username))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/leads/\\d+");
        return Long.parseLong(location.substring("/leads/".length()));
    }

    @Test
    void aRepRecordsALeadWithEveryFieldAndKeepsIt() throws Exception {
        String company = CustomerFixtures.uniqueName("录入");
        long id = record("rep1", company);
        assertThat(data.owner(id)).isEqualTo(fixtures.userId("rep1"));
        assertThat(data.status(id)).isEqualTo("ASSIGNED");
        assertThat(data.row(id).get("source_detail")).isEqualTo("展会-2024年3月上海行业展-展位A12");
        mvc.perform(get("/leads/{id}", id).with(users.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(company)));
        mvc.perform(get("/leads").with(users.as("rep1")))
                .andExpect(content().string(Matchers.containsString(company)));
    }

    @Test
    void anAdministratorsLeadArrivesNewInTheLeadPoolForEveryone() throws Exception {
        String company = CustomerFixtures.uniqueName("公海");
        long id = record("admin", company);
        assertThat(data.status(id)).isEqualTo("NEW");
        mvc.perform(get("/leads").param("view", "POOL").with(users.as("rep3")))
                .andExpect(content().string(Matchers.containsString(company)));
    }

    @Test
    void aForeignLeadIdAnswers404OnEveryRoute() throws Exception {
        long id = record("rep1", CustomerFixtures.uniqueName("他人"));
        long v = data.version(id);
        for (String user : List.of("rep2", "rep3", "manager2")) {
            for (String path : List.of("/leads/{id}", "/leads/{id}/edit", "/leads/{id}/convert")) {
                mvc.perform(get(path, id).with(users.as(user))).andExpect(status().isNotFound());
            }
            for (String path : List.of("/leads/{id}", "/leads/{id}/confirm", "/leads/{id}/invalid", "/leads/{id}/review",
                    "/leads/{id}/assign", "/leads/{id}/nurture", "/leads/{id}/close", "/leads/{id}/return",
                    "/leads/{id}/pick", "/leads/{id}/follow-ups", "/leads/{id}/convert")) {
                mvc.perform(leadForm(post(path, id), "x").param("duplicateConfirmed", "true").param("version", String.valueOf(v)).param("reason", "r")
                                .param("decision", "CLOSE").param("userId", String.valueOf(fixtures.userId(user)))
                                .param("kind", "PHONE").param("content", "c").param("name", "n").param("type", "B")
                                .param("customerSource", "OTHER").with(users.as(user)).with(csrf()))
                        .andExpect(status().isNotFound());
            }
        }
        assertThat(data.version(id)).isEqualTo(v);
        mvc.perform(get("/leads/{id}", id).with(users.as("manager1"))).andExpect(status().isOk());
        mvc.perform(get("/leads/{id}", 999_999_999L).with(users.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void everyStateChangeIsConditionalSoOfTwoClicksOnTheSameVersionOneWins() throws Exception {
        long id = record("rep1", CustomerFixtures.uniqueName("并发"));
        String v = String.valueOf(data.version(id));
        mvc.perform(post("/leads/{id}/confirm", id).param("version", v).with(users.as("rep1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", new io.tidecrm.support.FlashMessage("success", "lead.confirmed", List.of())));
        mvc.perform(post("/leads/{id}/confirm", id).param("version", v).with(users.as("manager1")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", new io.tidecrm.support.FlashMessage("danger", "lead.stale", List.of())));
        // Marked invalid on the stale version after the confirmation: refused as well.
        mvc.perform(post("/leads/{id}/invalid", id).param("version", v).param("reason", "空号").with(users.as("rep1"))
                .with(csrf())).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"invalid-form\"")));
        assertThat(data.status(id)).isEqualTo("CONTACTABLE");
        assertThat(jdbc.sql("SELECT count(*) FROM lead_event WHERE lead_id = ? AND kind = 'CONFIRMED'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void duplicatesAreFoundAgainstLeadsCustomersPoolCustomersAndContactsWithForeignOwnersMasked() throws Exception {
        String leadName = CustomerFixtures.uniqueName("重复线索");
        long other = record("rep3", leadName);
        String ownedName = CustomerFixtures.uniqueName("重复客户");
        long owned = fixtures.insert(ownedName, "B", "INTENT", fixtures.userId("rep3"));
        jdbc.sql("UPDATE customer SET name_key = ? WHERE id = ?")
                .params(intake.nameKey(ownedName), owned).update();
        String poolName = CustomerFixtures.uniqueName("重复公海");
        long pooled = fixtures.insert(poolName, "C", "INTENT", null);
        jdbc.sql("UPDATE customer SET name_key = ? WHERE id = ?")
                .params(intake.nameKey(poolName), pooled).update();
        long contactCustomer = fixtures.customerOf("rep1", "联系人客户");
        long contact = fixtures.insertContact(contactCustomer, "赵六");
        jdbc.sql("UPDATE contact SET mobile = '13912345678', email = 'zhao@example.cn' WHERE id = ?").param(contact).update();
        var rep1 = users.principal("rep1");

        var byLead = duplicates.find(leadName.replace("有限公司", "（有限公司）"), null, null, null, null, rep1);
        var byCustomer = duplicates.find(ownedName, null, null, null, null, rep1);
        var byPool = duplicates.find(poolName, null, null, null, null, rep1);
        var byMobile = duplicates.find("无关公司" + other, null, "13912345678", null, null, rep1);
        var byEmail = duplicates.find("无关公司二" + other, null, null, "ZHAO@example.cn", null, rep1);

        assertThat(byLead).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("LEAD");
            assertThat(m.id()).isEqualTo(other);
            assertThat(m.ownerName()).endsWith("*");
            assertThat(m.link()).isNull();
        });
        assertThat(byCustomer).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("CUSTOMER");
            assertThat(m.ownerName()).endsWith("*");
            assertThat(m.link()).isNull();
        });
        assertThat(byPool).anySatisfy(m -> assertThat(m.inPool()).isTrue());
        assertThat(byMobile).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo("CONTACT");
            assertThat(m.matchedOn()).isEqualTo("MOBILE");
            assertThat(m.link()).isEqualTo("/customers/" + contactCustomer);
        });
        assertThat(byEmail).anySatisfy(m -> assertThat(m.matchedOn()).isEqualTo("EMAIL"));
        // The form shows the match and saves only when told it is not a duplicate.
        long before = jdbc.sql("SELECT count(*) FROM sales_lead").query(Long.class).single();
        mvc.perform(leadForm(post("/leads"), ownedName).with(users.as("rep1"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"lead-duplicates\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM sales_lead").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badInputIsShownOnTheFieldAndNothingTypedIsLost() throws Exception {
        mvc.perform(post("/leads").param("companyName", "").param("contactName", "留下的名字").param("mobile", "abc")
                        .param("source", "NOPE").with(users.as("rep1")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("留下的名字")))
                .andExpect(content().string(Matchers.containsString("is-invalid")));
    }

    @Test
    void aLeadsFollowUpKeepsTheSameKindsAndTheTwentyFourHourBounds() throws Exception {
        long id = record("rep1", CustomerFixtures.uniqueName("跟进"));
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        mvc.perform(post("/leads/{id}/follow-ups", id).param("kind", "PHONE")
                        .param("occurredAt", now.minusHours(25).toString()).param("content", "太早")
                        .with(users.as("rep1")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/leads/{id}/follow-ups", id).param("kind", "TELEPATHY")
                        .param("occurredAt", now.minusHours(1).toString()).param("content", "方式不对")
                        .with(users.as("rep1")).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/leads/{id}/follow-ups", id).param("kind", "WECHAT")
                        .param("occurredAt", now.minusHours(1).toString()).param("content", "加了微信，约下周演示")
                        .with(users.as("rep1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM lead_follow_up WHERE lead_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(data.row(id).get("first_contact_at")).isNotNull();
    }
}
