package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDateTime;

import io.tidecrm.customer.CustomerIntake;
import io.tidecrm.customer.CustomerObtained;
import io.tidecrm.customer.OwnerChangeKind;
import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.lead.LeadConverted;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Conversion: customer, contact and history; a duplicate customer offers attaching; a full cap refuses. */
@IntegrationTest
@RecordApplicationEvents
class LeadConversionIntegrationTests {

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
    CustomerIntake intake;

    @Autowired
    ApplicationEvents events;

    LeadTestData data;

    @BeforeEach
    void setUp() {
        data = new LeadTestData(jdbc, (Clock) clock);
    }

    long contactableLead(CurrentUser owner, String company) {
        long lead = data.lead("华东", "制造业");
        jdbc.sql("""
                UPDATE sales_lead SET company_name = ?, name_key = ?, status = 'CONTACTABLE', owner_id = ?,
                       assigned_at = now(), confirmed_at = now(), email = 'buyer@example.cn', source_detail = '展位A12'
                WHERE id = ?
                """).params(company, intake.nameKey(company), owner.id(), lead).update();
        return lead;
    }

    MockHttpServletRequestBuilder convert(long lead, String name, String type) {
        return post("/leads/{id}/convert", lead).param("name", name).param("type", type).param("customerSource", "OTHER")
                .param("region", "华东").param("industry", "制造业").param("contactName", "王经理")
                .param("mobile", "13700001234").param("email", "buyer@example.cn")
                .param("version", String.valueOf(data.version(lead)));
    }

    @Test
    void conversionCreatesTheCustomerContactAndAnS2OpportunityCarriesRegionIndustryAndSourceAndShowsTheLeadsFollowUps()
            throws Exception {
        CurrentUser rep = users.principal("rep1");
        String company = CustomerFixtures.uniqueName("转化");
        long lead = contactableLead(rep, company);
        mvc.perform(post("/leads/{id}/follow-ups", lead).param("kind", "PHONE")
                        .param("occurredAt", LocalDateTime.now(clock).withNano(0).minusMinutes(30).toString())
                        .param("content", "电话沟通需求，预算约50万").with(users.as("rep1")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String location = mvc.perform(convert(lead, company, "B").param("opportunityTitle", "年度采购")
                        .param("opportunityAmount", "150000").param("opportunityCloseDate", "2031-06-30")
                        .with(users.as("rep1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        long customer = Long.parseLong(location.substring("/customers/".length()));
        var row = jdbc.sql("SELECT * FROM customer WHERE id = ?").param(customer).query().singleRow();
        assertThat(row.get("owner_id")).isEqualTo(rep.id());
        assertThat(row.get("region")).isEqualTo("华东");
        assertThat(row.get("industry")).isEqualTo("制造业");
        assertThat((String) row.get("remarks")).contains("展会").contains("展位A12");
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE customer_id = ? AND is_primary AND name = '王经理'")
                .param(customer).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT kind FROM customer_owner_history WHERE customer_id = ?").param(customer)
                .query(String.class).single()).isEqualTo("CONVERTED");
        assertThat(data.status(lead)).isEqualTo("CONVERTED");
        assertThat(data.row(lead).get("customer_id")).isEqualTo(customer);
        assertThat(jdbc.sql("SELECT stage FROM opportunity WHERE customer_id = ? AND title = '年度采购'").param(customer)
                .query(String.class).single()).isEqualTo("QUALIFIED");
        assertThat(jdbc.sql("SELECT subject_label FROM follow_up WHERE customer_id = ? AND subject_type = 'LEAD' AND subject_id = ?")
                .params(customer, lead).query(String.class).single()).isEqualTo("线索：" + company);
        mvc.perform(get("/customers/{id}", customer).with(users.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("电话沟通需求，预算约50万")))
                .andExpect(content().string(Matchers.containsString("线索：" + company)));
        assertThat(events.stream(CustomerObtained.class)
                .filter(e -> e.customerId() == customer && e.kind() == OwnerChangeKind.CONVERTED)).hasSize(1);
        assertThat(events.stream(LeadConverted.class).filter(e -> e.leadId() == lead && e.customerId() == customer))
                .hasSize(1);
        // A second conversion of the same lead is refused.
        mvc.perform(convert(lead, company + "二", "B").with(users.as("rep1")).with(csrf())).andExpect(status().isOk());
    }

    @Test
    void conversionOfADuplicateCustomerOffersToAttachTheLeadToIt() throws Exception {
        CurrentUser rep = users.principal("rep1");
        String company = CustomerFixtures.uniqueName("已有");
        long existing = fixtures.insert(company, "B", "INTENT", rep.id());
        jdbc.sql("UPDATE customer SET name_key = ? WHERE id = ?").params(intake.nameKey(company), existing).update();
        long lead = contactableLead(rep, company);
        long customersBefore = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();

        mvc.perform(convert(lead, company, "B").with(users.as("rep1")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"attach-offer\"")))
                .andExpect(content().string(Matchers.containsString("attach-" + existing)));
        mvc.perform(convert(lead, company, "B").param("attachTo", String.valueOf(existing)).with(users.as("rep1"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single()).isEqualTo(customersBefore);
        assertThat(data.row(lead).get("customer_id")).isEqualTo(existing);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE customer_id = ? AND name = '王经理'").param(existing)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void conversionWithTheOwnersCapFullIsRefusedAndChangesNothing() throws Exception {
        CurrentUser rep = users.newUser("满额", Role.REP, "rep1");
        fixtures.fillTo(rep.id(), "A", 20);
        String company = CustomerFixtures.uniqueName("满额");
        long lead = contactableLead(rep, company);

        mvc.perform(convert(lead, company, "A").with(users.as(rep.getUsername())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));

        assertThat(data.status(lead)).isEqualTo("CONTACTABLE");
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE name = ?").param(company).query(Long.class).single())
                .isZero();
    }
}
