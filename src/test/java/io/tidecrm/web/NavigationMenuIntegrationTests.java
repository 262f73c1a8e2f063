package io.tidecrm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class NavigationMenuIntegrationTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    MessageSource messages;

    /**
     * The main menu is rendered once per role and language and then reused (NavigationMenu): a menu
     * rendered for one reader must never be what a reader of another role or language gets.
     * Readers alternate, and each is asked twice, so the second round is served from the cache.
     */
    @Test
    void theCachedMenuFollowsEachReadersRoleAndLanguage() throws Exception {
        for (int round = 0; round < 2; round++) {
            String adminEn = page("admin", "en");
            assertThat(adminEn).contains("href=\"/admin/users\"", "href=\"/targets\"", "href=\"/imports\"",
                    ">" + label("nav.admin.users", Locale.ENGLISH) + "<", ">" + label("nav.group.customers", Locale.ENGLISH) + "<");

            String repZh = page("rep1", "zh-CN");
            assertThat(repZh).contains("href=\"/customers\"", ">" + label("nav.group.customers", ZH) + "<")
                    .doesNotContain("href=\"/admin/users\"", "href=\"/targets\"", "href=\"/imports\"");

            String managerZh = page("manager1", "zh-CN");
            assertThat(managerZh).contains("href=\"/targets\"", "href=\"/imports\"", ">" + label("nav.targets", ZH) + "<")
                    .doesNotContain("href=\"/admin/users\"");

            String repEn = page("rep1", "en");
            assertThat(repEn).contains(">" + label("nav.group.customers", Locale.ENGLISH) + "<")
                    .doesNotContain("href=\"/admin/users\"", "href=\"/targets\"", ">" + label("nav.group.customers", ZH) + "<");
        }
    }

    private String page(String user, String lang) throws Exception {
        return mvc.perform(get("/customers").param("lang", lang).with(users.as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String label(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
