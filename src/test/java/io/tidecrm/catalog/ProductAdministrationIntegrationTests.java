package io.tidecrm.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Administrators keep the product catalog; every change is audited; everyone reads it. */
@IntegrationTest
class ProductAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    CatalogManagement catalog;

    @Test
    void anAdministratorCreatesAndEditsProductsAndEveryoneReadsTheCatalog() throws Exception {
        String name = "企业版" + System.nanoTime();
        long id = create(name, "句客宝", "9800.50");
        ProductSummary created = catalog.findById(id).orElseThrow();
        assertThat(created.unitPrice()).isEqualByComparingTo("9800.50");
        assertThat(created.enabled()).isTrue();
        assertThat(catalog.findEnabled()).extracting(ProductSummary::id).contains(id);

        mvc.perform(save("/admin/products/" + id, name, "句客宝", "9900").param("unit", "年").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        ProductSummary edited = catalog.findById(id).orElseThrow();
        assertThat(edited.unitPrice()).isEqualByComparingTo("9900.00");
        assertThat(edited.enabled()).isFalse(); // the unchecked box disables it
        assertThat(catalog.findEnabled()).extracting(ProductSummary::id).doesNotContain(id);

        for (String username : List.of("rep1", "manager1", "admin")) {
            assertThat(mvc.perform(get("/catalog/products").with(users.as(username))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString()).contains(name, "¥9,900.00", "停用");
        }
        assertThat(mvc.perform(get("/admin/products").with(users.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("/admin/products/" + id + "/edit");
    }

    @Test
    void onlyAdministratorsManageProducts() throws Exception {
        for (String username : List.of("rep1", "manager1")) {
            mvc.perform(get("/admin/products").with(users.as(username))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/products/new").with(users.as(username))).andExpect(status().isForbidden());
            mvc.perform(save("/admin/products", "偷建", "测试", "1").with(users.as(username)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/products/987654321/edit").with(users.as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void duplicateCategoryAndNameIsRefused() throws Exception {
        String name = "重复产品" + System.nanoTime();
        long first = create(name, "Wechaty", "100");
        mvc.perform(save("/admin/products", name, "Wechaty", "200").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("该分类下已有同名产品",
                        "value=\"200\""));
        // The same name in another category is another product; renaming onto the first is refused.
        long other = create(name, "句子秒回", "100");
        mvc.perform(save("/admin/products/" + other, name, "Wechaty", "100").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("该分类下已有同名产品"));
        assertThat(catalog.findById(other).orElseThrow().category()).isEqualTo("句子秒回");
        assertThat(catalog.findById(first).orElseThrow().unitPrice()).isEqualByComparingTo("100");
    }

    @Test
    void productEditIsAuditedAsARuleChange() throws Exception {
        long id = create("审计产品" + System.nanoTime(), "测试", "2500");
        mvc.perform(save("/admin/products/" + id, "审计产品改名", "测试", "2600.00").param("enabled", "true")
                .param("version", "0")).andExpect(status().is3xxRedirection());
        var entries = fixtures.jdbc().sql("""
                SELECT subject || ' ' || details FROM audit_event
                WHERE kind = 'RULE_CHANGED' AND subject LIKE ? AND actor_name = 'admin' ORDER BY id
                """).param("product." + id + ".%").query(String.class).list();
        assertThat(entries).contains("product." + id + ".unitPrice 2500.00 → 2600.00",
                "product." + id + ".enabled - → true", "product." + id + ".unitPrice - → 2500.00")
                .anyMatch(e -> e.startsWith("product." + id + ".name ") && e.endsWith("→ 审计产品改名"));
        // Saving without a change adds nothing.
        int before = entries.size();
        mvc.perform(save("/admin/products/" + id, "审计产品改名", "测试", "2600").param("enabled", "true")
                .param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'RULE_CHANGED' AND subject LIKE ?")
                .param("product." + id + ".%").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void staleEditIsRefusedWithTheInputKept() throws Exception {
        long id = create("并发产品" + System.nanoTime(), "测试", "10");
        mvc.perform(save("/admin/products/" + id, "第一次", "测试", "11").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(save("/admin/products/" + id, "过期修改", "测试", "12").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("其他人修改了这条记录",
                        "value=\"过期修改\""));
        assertThat(catalog.findById(id).orElseThrow().name()).isEqualTo("第一次");
    }

    @Test
    void badPricesGetMessagesWithTheInputKept() throws Exception {
        for (String price : List.of("-1", "12.345", "很多", "")) {
            mvc.perform(save("/admin/products", "坏价格", "测试", price))
                    .andExpect(status().isOk())
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("is-invalid",
                            "value=\"坏价格\"", "value=\"" + price + "\""));
        }
        assertThat(catalog.findAll()).extracting(ProductSummary::name).doesNotContain("坏价格");
    }

    private long create(String name, String category, String price) throws Exception {
        mvc.perform(save("/admin/products", name, category, price).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        return catalog.findAll().stream().filter(p -> p.name().equals(name) && p.category().equals(category))
                .findFirst().orElseThrow().id();
    }

    private MockHttpServletRequestBuilder save(String path, String name, String category, String price) {
        return post(path).with(users.as("admin")).with(csrf()).param("name", name).param("category", category)
                .param("unitPrice", price).param("unit", "套").param("description", "说明");
    }

}
