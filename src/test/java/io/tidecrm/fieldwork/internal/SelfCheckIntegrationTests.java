package io.tidecrm.fieldwork.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The behaviour self-check (行为自检表): items administered and audited, answered once a day and corrected that day, seen by the own manager. */
@IntegrationTest
class SelfCheckIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    SelfChecks checks;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    MutableClock clock;

    CurrentUser manager;
    CurrentUser rep;
    LocalDate day;
    List<SelfChecks.Item> items;

    @BeforeEach
    void aTeamOfItsOwn() {
        manager = users.newManagerOfNewTeam("selfcheck-mgr");
        rep = users.newUser("selfcheck-rep", Role.REP, manager.getUsername());
        day = LocalDate.of(2031, 5, 7);
        clock.setInstant(day.atTime(17, 40).atZone(ZONE).toInstant());
        items = checks.items(true);
    }

    private ResultActions answer(LocalDate on, String remark, long... done) throws Exception {
        var request = post("/self-check").param("day", on.toString())
                .param("remark" + items.get(1).id(), remark).with(csrf()).with(users.as(rep.getUsername()));
        for (long id : done) {
            request.param("done", String.valueOf(id));
        }
        return mvc.perform(request);
    }

    private List<String> stored() {
        return fixtures.jdbc().sql("""
                SELECT a.item_name || ':' || a.done || ':' || coalesce(a.remark, '-') FROM self_check_answer a
                JOIN self_check_item i ON i.id = a.item_id WHERE a.user_id = ? AND a.day = ? ORDER BY i.position, i.id
                """).params(rep.id(), day).query(String.class).list();
    }

    @Test
    void aRepAnswersEveryEnabledItemOnceADayAndCorrectsItTheSameDay() throws Exception {
        answer(day, "明天补录", items.get(0).id()).andExpect(status().is3xxRedirection());
        assertThat(stored()).hasSize(items.size())
                .startsWith(items.get(0).name() + ":true:-", items.get(1).name() + ":false:明天补录");
        answer(day, "", items.get(0).id(), items.get(1).id()).andExpect(status().is3xxRedirection());
        assertThat(stored()).hasSize(items.size())
                .startsWith(items.get(0).name() + ":true:-", items.get(1).name() + ":true:-");
        mvc.perform(get("/self-check").param("day", day.toString()).with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.containsString("更正自检")));
    }

    @Test
    void anotherDaysSelfCheckIsRefusedOnThePageKeepingWhatWasTyped() throws Exception {
        answer(day.minusDays(1), "保留这段文字", items.get(0).id()).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("自检只能在当天填写或更正")))
                .andExpect(content().string(Matchers.containsString("保留这段文字")));
        answer(day, "长".repeat(SelfChecks.REMARK_MAX + 1)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("“" + items.get(1).name() + "”的改进措施最多")));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM self_check_answer WHERE user_id = ?").param(rep.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void managersSeeTheirOwnTeamsCompletionOnlyAndRepsNone() throws Exception {
        answer(day, "明天补录", items.get(0).id()).andExpect(status().is3xxRedirection());
        mvc.perform(get("/self-check/team").param("day", day.toString()).with(users.as(manager.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(rep.displayName())))
                .andExpect(content().string(Matchers.containsString("1 / " + items.size())))
                .andExpect(content().string(Matchers.containsString("明天补录")));
        mvc.perform(get("/self-check/team").param("day", day.toString()).with(users.as("manager1")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(rep.displayName()))));
        mvc.perform(get("/self-check/team").with(users.as(rep.getUsername()))).andExpect(status().isForbidden());
    }

    @Test
    void administratorsAddRenameMoveAndDisableItemsEachChangeAudited() throws Exception {
        mvc.perform(post("/admin/fieldwork/checks").param("name", "").param("description", "保留的描述").with(csrf())
                .with(users.as("admin"))).andExpect(status().is3xxRedirection());
        assertThat(checks.items(false)).noneMatch(i -> i.description().equals("保留的描述"));
        mvc.perform(post("/admin/fieldwork/checks").param("name", "学习").param("description", "今天学习产品知识了吗？")
                .with(csrf()).with(users.as("admin"))).andExpect(status().is3xxRedirection());
        SelfChecks.Item added = checks.items(false).stream().filter(i -> i.name().equals("学习")).reduce((a, b) -> b)
                .orElseThrow();
        try {
            mvc.perform(post("/admin/fieldwork/checks/{id}", added.id()).param("name", "持续学习")
                    .param("description", "今天学习产品知识或行业动态了吗？").param("version", String.valueOf(added.version()))
                    .with(csrf()).with(users.as("admin"))).andExpect(status().is3xxRedirection());
            mvc.perform(post("/admin/fieldwork/checks/{id}/move", added.id()).param("direction", "up").with(csrf())
                    .with(users.as("admin"))).andExpect(status().is3xxRedirection());
            List<SelfChecks.Item> all = checks.items(false);
            int at = all.indexOf(all.stream().filter(i -> i.id() == added.id()).findFirst().orElseThrow());
            assertThat(all.get(at).name()).isEqualTo("持续学习");
            assertThat(at).isEqualTo(all.size() - 2);
            mvc.perform(get("/self-check").with(users.as(rep.getUsername())))
                    .andExpect(content().string(Matchers.containsString("持续学习")));
        } finally {
            mvc.perform(post("/admin/fieldwork/checks/{id}/enabled", added.id()).param("enabled", "false")
                    .with(csrf()).with(users.as("admin"))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/self-check").with(users.as(rep.getUsername())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("持续学习"))));
        assertThat(fixtures.jdbc().sql("SELECT count(*) FROM audit_event WHERE subject = ?")
                .param("fieldwork.selfCheck." + added.id()).query(Integer.class).single()).isEqualTo(4);
        mvc.perform(post("/admin/fieldwork/checks/{id}/move", 999_999_999L).param("direction", "up").with(csrf())
                .with(users.as("admin"))).andExpect(status().isNotFound());
    }
}
