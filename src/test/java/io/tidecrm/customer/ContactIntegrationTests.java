package io.tidecrm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ContactIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    long customerId;

    @BeforeEach
    void aCustomerOfRep1() {
        customerId = fixtures.insert(CustomerFixtures.uniqueName("联系人"), "C", "INTENT", fixtures.userId("rep1"));
    }

    @Test
    void aCustomerHasManyContactsAndAtMostOnePrimary() throws Exception {
        add("张一", true);
        add("张二", false);
        add("张三", true);
        assertThat(fixtures.jdbc().sql("SELECT name FROM contact WHERE customer_id = ? AND is_primary")
                .param(customerId).query(String.class).list()).containsExactly("张三");
        String page = mvc.perform(get("/customers/{id}", customerId).with(users.as("rep1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("张一", "张二", "张三");
        assertThat(page.indexOf("张三")).as("primary first").isLessThan(page.indexOf("张一"));
    }

    @Test
    void everyFieldIsSavedAndBadInputIsShownOnTheForm() throws Exception {
        mvc.perform(post("/customers/{id}/contacts", customerId).with(users.as("rep1")).with(csrf())
                .param("name", "李四").param("gender", "FEMALE").param("department", "采购部").param("title", "总监")
                .param("mobile", "13900139000").param("wechatNickname", "小李").param("wechatId", "lisi_wx")
                .param("email", "lisi@example.com").param("address", "上海浦东").param("birthday", "1990-05-01")
                .param("remarks", "决策人"))
                .andExpect(status().is3xxRedirection());
        long id = fixtures.jdbc().sql("SELECT id FROM contact WHERE customer_id = ? AND name = '李四'").param(customerId)
                .query(Long.class).single();
        mvc.perform(get("/contacts/{id}/edit", id).with(users.as("rep1")))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("采购部"),
                        Matchers.containsString("lisi_wx"), Matchers.containsString("1990-05-01"),
                        Matchers.containsString("决策人"))));
        mvc.perform(post("/customers/{id}/contacts", customerId).with(users.as("rep1")).with(csrf())
                .param("name", "王五").param("email", "not-an-email").param("birthday", "2999-01-01")
                .param("mobile", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"王五\"")))
                .andExpect(content().string(Matchers.containsString("is-invalid")));
    }

    @Test
    void staleContactEditSaysSomeoneElseChangedIt() throws Exception {
        add("赵六", false);
        long id = fixtures.jdbc().sql("SELECT id FROM contact WHERE customer_id = ? AND name = '赵六'").param(customerId)
                .query(Long.class).single();
        mvc.perform(post("/contacts/{id}", id).with(users.as("rep1")).with(csrf()).param("name", "赵六一")
                .param("version", "0")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/contacts/{id}", id).with(users.as("manager1")).with(csrf()).param("name", "赵六二")
                .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("其他人修改了这条记录")))
                .andExpect(content().string(Matchers.containsString("赵六二")));
    }

    private void add(String name, boolean primary) throws Exception {
        var request = post("/customers/{id}/contacts", customerId).with(users.as("rep1")).with(csrf()).param("name", name);
        if (primary) {
            request.param("primary", "true");
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }
}
