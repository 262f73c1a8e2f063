package io.tidecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import io.tidecrm.catalog.CatalogManagement;
import io.tidecrm.customer.CustomerStatus;
import io.tidecrm.customer.CustomerType;
import io.tidecrm.customer.PoolDeadlines;
import io.tidecrm.demo.DemoData;
import io.tidecrm.identity.Role;
import io.tidecrm.identity.UserManagement;
import io.tidecrm.identity.UserSummary;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo data of a developer's copy. The suite keeps it off (only the demo users are seeded);
 * the tests that seed the records do it in the test's transaction, which is rolled back, so the
 * shared test database never keeps them. Rows of other tests are around: every check is on the
 * rows with ids above the largest before the seeding.
 */
@IntegrationTest
class DemoDataIntegrationTests {

    private static final List<String> DEMO_USERS = List.of("admin", "manager1", "manager2", "rep1", "rep2", "rep3",
            "rep4");

    @Autowired
    CatalogManagement catalog;

    @Autowired
    UserManagement users;

    @Autowired
    DemoData demo;

    @Autowired
    PoolDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers testUsers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void catalogHoldsTheSevenProductsOfTheSpec() {
        // Administrators add products (other tests do), so the seven are looked for, not counted.
        assertThat(catalog.findAll()).extracting(p -> p.category() + "/" + p.name())
                .contains("Wechaty/技术支持", "句子秒回/定制开发", "句客宝/定制开发", "Wechaty/padplus", "句子秒回/基础版",
                        "句客宝/会话存档", "句客宝/基础版");
        assertThat(catalog.findAll())
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("基础版");
                    assertThat(p.category()).isEqualTo("句客宝");
                    assertThat(p.unitPrice()).isEqualByComparingTo(new BigDecimal("4980.00"));
                    assertThat(p.unit()).isEqualTo("套");
                })
                .anySatisfy(p -> {
                    assertThat(p.name()).isEqualTo("padplus");
                    assertThat(p.unitPrice()).isEqualByComparingTo("200.00");
                    assertThat(p.unit()).isEqualTo("微信号/库");
                });
    }

    @Test
    void seedingTheDemoUsersTwiceChangesNothing() {
        long before = users.findEnabledUsers().size();
        long products = catalog.findAll().size();
        var first = demo.seedUsers();
        var second = demo.seedUsers();
        assertThat(second).isEqualTo(first);
        assertThat(users.findEnabledUsers()).hasSize((int) before);
        assertThat(catalog.findAll()).hasSize((int) products);
    }

    @Test
    void demoTeamsHaveAManagerAndTwoReps() {
        UserSummary manager = users.findByUsername("manager1").orElseThrow();
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(users.findTeamMembers(manager.teamId())).extracting(UserSummary::username)
                .contains("manager1", "rep1", "rep2");
        UserSummary other = users.findByUsername("rep3").orElseThrow();
        assertThat(other.teamId()).isNotEqualTo(manager.teamId());
    }

    @Test
    void everyUserSeesTheCatalogPage() throws Exception {
        mvc.perform(get("/catalog/products").with(testUsers.as("rep1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("会话存档")))
                .andExpect(content().string(Matchers.containsString("4,980.00")));
    }
}
