package io.tidecrm.lead.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The website form: no sign-in and no CSRF token, but a rate limit per address, a honeypot, a size limit and a switch. */
@IntegrationTest
class PublicLeadFormIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String address() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    MockHttpServletRequestBuilder form(String company) {
        return post("/public/leads").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("companyName", company)
                .param("contactName", "访客").param("mobile", "13600002222").param("region", "华东")
                .param("industry", "制造业").param("purchaseIntent", "想了解产品");
    }

    long leads(String company) {
        return jdbc.sql("SELECT count(*) FROM sales_lead WHERE company_name = ? AND source = 'WEBSITE'").param(company)
                .query(Long.class).single();
    }

    @Test
    void aVisitorsSubmissionArrivesAsANewLeadFromTheWebsiteFormWithoutASession() throws Exception {
        mvc.perform(get("/public/leads").with(from(address())))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(content().string(Matchers.containsString("name=\"website\"")));
        String company = CustomerFixtures.uniqueName("官网");
        mvc.perform(form(company).with(from(address())))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(content().string(Matchers.containsString("id=\"public-thanks\"")));
        assertThat(leads(company)).isEqualTo(1);
        String json = CustomerFixtures.uniqueName("官网JSON");
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address()))
                        .content("{\"companyName\":\"" + json + "\",\"contactName\":\"访客\",\"email\":\"a@example.cn\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("received"));
        assertThat(leads(json)).isEqualTo(1);
    }

    @Test
    void websiteFormRateLimitRefusesTheSubmissionsOverTheHourlyLimitPerAddress() throws Exception {
        String address = address();
        int limit = jdbc.sql("SELECT public_form_per_hour FROM lead_settings").query(Integer.class).single();
        String company = CustomerFixtures.uniqueName("限流");
        for (int i = 0; i < limit; i++) {
            mvc.perform(form(company + i).with(from(address))).andExpect(status().isOk());
        }
        mvc.perform(form(company + "X").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("id=\"public-refused\"")));
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address))
                        .content("{\"companyName\":\"" + company + "Y\",\"contactName\":\"访客\",\"mobile\":\"13600002222\"}"))
                .andExpect(status().isTooManyRequests());
        assertThat(leads(company + "X") + leads(company + "Y")).isZero();
        // Another address is not held back.
        mvc.perform(form(company + "Z").with(from(address()))).andExpect(status().isOk());
    }

    @Test
    void websiteFormHoneypotFilledIsAnsweredLikeASuccessAndStoredNowhere() throws Exception {
        String company = CustomerFixtures.uniqueName("机器人");
        mvc.perform(form(company).param("website", "http://spam.example").with(from(address())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"public-thanks\"")));
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address()))
                        .content("{\"companyName\":\"" + company + "\",\"contactName\":\"x\",\"mobile\":\"13600002222\","
                                + "\"website\":\"x\"}"))
                .andExpect(status().isCreated());
        assertThat(leads(company)).isZero();
    }

    @Test
    void websiteFormOversizeAndInvalidSubmissionsAreRefused() throws Exception {
        String company = CustomerFixtures.uniqueName("超大");
        String big = "很".repeat(PublicLeadController.MAX_BYTES);
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address()))
                        .content("{\"companyName\":\"" + company + "\",\"contactName\":\"x\",\"purchaseIntent\":\"" + big + "\"}"))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(form(company).param("purchaseIntent", big).with(from(address())))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address()))
                        .content("{\"companyName\":\"" + company + "\",\"contactName\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mobile").exists());
        mvc.perform(post("/public/leads").contentType(MediaType.APPLICATION_JSON).with(from(address())).content("[1,2"))
                .andExpect(status().isBadRequest());
        mvc.perform(form("").param("email", "not-an-address").with(from(address())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        assertThat(leads(company)).isZero();
    }

    @Test
    void websiteFormSwitchedOffAnswers404() throws Exception {
        jdbc.sql("UPDATE lead_settings SET public_form_enabled = false").update();
        try {
            mvc.perform(get("/public/leads").with(from(address()))).andExpect(status().isNotFound());
            mvc.perform(form(CustomerFixtures.uniqueName("关闭")).with(from(address()))).andExpect(status().isNotFound());
        } finally {
            jdbc.sql("UPDATE lead_settings SET public_form_enabled = true").update();
        }
    }
}
