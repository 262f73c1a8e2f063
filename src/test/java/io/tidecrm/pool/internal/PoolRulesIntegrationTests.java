package io.tidecrm.pool.internal;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class PoolRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    PoolRulesStore rules;

    @Autowired
    PoolSchedule schedule;

    @Autowired
    Scheduler scheduler;

    @AfterEach
    void restore() throws Exception {
        fixtures.jdbc().sql("""
                UPDATE pool_rules SET reclaim_time = '20:00', warning_time = '12:00', days_a = 10, uniform_days = NULL
                """).update();
        schedule.apply();
    }

    @Test
    void aChangedTimeReschedulesTheJobWithoutARestartAndIsAudited() throws Exception {
        schedule.apply();
        CronTrigger before = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("reclaim", PoolSchedule.GROUP));
        assertThat(before.getCronExpression()).isEqualTo("0 0 20 ? * *");
        assertThat(before.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(before.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);

        mvc.perform(save("21:30", "11:00", "12")).andExpect(status().is3xxRedirection());

        CronTrigger after = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("reclaim", PoolSchedule.GROUP));
        assertThat(after.getCronExpression()).isEqualTo("0 30 21 ? * *");
        CronTrigger warning = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("warning", PoolSchedule.GROUP));
        assertThat(warning.getCronExpression()).isEqualTo("0 0 11 ? * *");
        assertThat(rules.rules().daysA()).isEqualTo(12);
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE kind = 'RULE_CHANGED' AND subject = 'pool.reclaimTime'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void badRulesGetMessagesOnTheForm() throws Exception {
        mvc.perform(save("12:00", "20:00", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("提醒时间必须早于收回时间")));
        mvc.perform(save("20:00", "12:00", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        mvc.perform(save("25:99", "12:00", "10"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
    }

    @Test
    void onlyAdministratorsChangeRulesOrStartRuns() throws Exception {
        mvc.perform(get("/admin/pool-rules").with(users.as("manager1"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/pool-runs/reclaim").with(users.as("rep1")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/pool-runs/warning").with(users.as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/pool-runs").with(users.as("admin")))
                .andExpect(content().string(Matchers.containsString("手动")));
    }

    private MockHttpServletRequestBuilder save(String reclaim, String warning, String daysA) {
        return post("/admin/pool-rules").with(users.as("admin")).with(csrf()).param("enabled", "true")
                .param("daysA", daysA).param("daysB", "20").param("daysC", "30").param("reclaimTime", reclaim)
                .param("warningTime", warning).param("warningLeadDays", "3").param("grabBackEnabled", "true")
                .param("grabBackDays", "30").param("version", String.valueOf(rules.rules().version()));
    }
}
