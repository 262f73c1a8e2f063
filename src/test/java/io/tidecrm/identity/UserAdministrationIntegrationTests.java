package io.tidecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    UserManagement userManagement;

    @Autowired
    io.tidecrm.support.MutableClock clock;

    @Test
    void adminCreatesAUserWhoAppearsInTheList() throws Exception {
        String name = "newrep-" + System.nanoTime();
        mvc.perform(newUser(name, "Secret#2026")).andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(get("/admin/users").with(users.as("admin")))
                .andExpect(content().string(Matchers.containsString(name)));
        assertThat(userManagement.findByUsername(name)).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.REP));
    }

    @Test
    void tooShortPasswordIsRefusedOnTheForm() throws Exception {
        String name = "shortpw-" + System.nanoTime();
        mvc.perform(newUser(name, "1234567"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("密码至少需要 8 个字符")))
                .andExpect(content().string(Matchers.containsString("value=\"" + name + "\"")));
        assertThat(userManagement.findByUsername(name)).isEmpty();
    }

    @Test
    void aCommonPasswordIsRefused() throws Exception {
        String name = "commonpw-" + System.nanoTime();
        mvc.perform(newUser(name, "Password123"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该密码属于最常见的密码")));
        assertThat(userManagement.findByUsername(name)).isEmpty();
    }

    @Test
    void duplicateUsernameIsRefusedWhateverTheCase() throws Exception {
        mvc.perform(newUser("REP1", "Secret#2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该用户名已被使用")));
    }

    @Test
    void duplicateTeamNameIsRefused() throws Exception {
        mvc.perform(post("/admin/teams").with(users.as("admin")).with(csrf()).param("name", "华东销售组"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已存在同名团队")));
        mvc.perform(post("/admin/teams").with(users.as("admin")).with(csrf()).param("name", "  华东销售组 "))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已存在同名团队")));
    }

    @Test
    void invalidInputGetsMessagesNotAnError() throws Exception {
        mvc.perform(post("/admin/users").with(users.as("admin")).with(csrf())
                .param("username", "a b").param("displayName", "").param("role", "KING")
                .param("teamId", "not-a-number").param("password", "Secret#2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")));
    }

    @Test
    void lastEnabledAdministratorCannotBeDisabledOrDemoted() throws Exception {
        long adminId = userManagement.findByUsername("admin").orElseThrow().id();
        // Other tests may have created administrators; disable all but the demo one first.
        for (UserSummary u : userManagement.findEnabledUsers()) {
            if (u.role() == Role.ADMIN && u.id() != adminId) {
                mvc.perform(post("/admin/users/{id}/disable", u.id()).with(users.as("admin")).with(csrf()));
            }
        }
        mvc.perform(post("/admin/users/{id}/disable", adminId).with(users.as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("flash", new FlashMessage("danger", "user.lastAdmin", List.of())));
        mvc.perform(post("/admin/users/{id}", adminId).with(users.as("admin")).with(csrf())
                .param("username", "admin").param("displayName", "系统管理员").param("role", "REP")
                .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("最后一个启用的管理员")));
        assertThat(userManagement.findUser(adminId)).hasValueSatisfying(u -> {
            assertThat(u.role()).isEqualTo(Role.ADMIN);
            assertThat(u.enabled()).isTrue();
        });

        // With a second administrator, the first may be demoted.
        String second = "admin2-" + System.nanoTime();
        mvc.perform(post("/admin/users").with(users.as("admin")).with(csrf()).param("username", second)
                .param("displayName", "第二管理员").param("role", "ADMIN").param("enabled", "true")
                .param("password", "Secret#2026")).andExpect(redirectedUrl("/admin/users"));
        long secondId = userManagement.findByUsername(second).orElseThrow().id();
        mvc.perform(post("/admin/users/{id}/disable", secondId).with(users.as("admin")).with(csrf()))
                .andExpect(flash().attribute("flash", new FlashMessage("success", "user.disabledDone", List.of(second))));
    }

    @Test
    void adminResetsAPassword() throws Exception {
        String name = "reset-" + System.nanoTime();
        mvc.perform(newUser(name, "Secret#2026")).andExpect(redirectedUrl("/admin/users"));
        long id = userManagement.findByUsername(name).orElseThrow().id();
        mvc.perform(post("/admin/users/{id}/password", id).with(users.as("admin")).with(csrf())
                .param("newPassword", "Another#2026").param("confirmPassword", "Another#2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("两次输入的新密码不一致")));
        mvc.perform(post("/admin/users/{id}/password", id).with(users.as("admin")).with(csrf())
                .param("newPassword", "Another#2026").param("confirmPassword", "Another#2026"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                .formLogin("/login").user(name).password("Another#2026")).andExpect(redirectedUrl("/"));
    }

    @Test
    void staleEditSaysSomeoneElseChangedIt() throws Exception {
        String name = "stale-" + System.nanoTime();
        mvc.perform(newUser(name, "Secret#2026")).andExpect(redirectedUrl("/admin/users"));
        long id = userManagement.findByUsername(name).orElseThrow().id();
        mvc.perform(post("/admin/users/{id}", id).with(users.as("admin")).with(csrf()).param("username", name)
                .param("displayName", "第一次").param("role", "REP").param("enabled", "true").param("version", "0"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(post("/admin/users/{id}", id).with(users.as("admin")).with(csrf()).param("username", name)
                .param("displayName", "过期的表单").param("role", "REP").param("enabled", "true").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("其他人修改了这条记录")))
                .andExpect(content().string(Matchers.containsString("过期的表单")));
        assertThat(userManagement.findUser(id).orElseThrow().displayName()).isEqualTo("第一次");
    }

    private MockHttpServletRequestBuilder newUser(String name, String password) {
        return post("/admin/users").with(users.as("admin")).with(csrf()).param("username", name)
                .param("displayName", "新同事").param("role", "REP").param("enabled", "true")
                .param("password", password);
    }

    @Test
    void aTeamChangeEndsTheSpellInTheOldTeamAndStartsOneInTheNew() throws Exception {
        CurrentUser first = users.newManagerOfNewTeam("历史甲组");
        CurrentUser second = users.newManagerOfNewTeam("历史乙组");
        String name = "spell" + System.nanoTime();
        mvc.perform(post("/admin/users").with(users.as("admin")).with(csrf()).param("username", name)
                .param("displayName", "调组历史").param("role", "REP").param("enabled", "true")
                .param("teamId", String.valueOf(first.teamId())).param("password", "Secret#2026"))
                .andExpect(redirectedUrl("/admin/users"));
        long id = userManagement.findByUsername(name).orElseThrow().id();
        for (Long team : new Long[] { second.teamId(), second.teamId(), null }) {
            clock.advance(java.time.Duration.ofMinutes(1));
            mvc.perform(post("/admin/users/{id}", id).with(users.as("admin")).with(csrf()).param("username", name)
                    .param("displayName", "调组历史").param("role", "REP").param("enabled", "true")
                    .param("teamId", team == null ? "" : String.valueOf(team)))
                    .andExpect(redirectedUrl("/admin/users"));
        }

        List<TeamSpell> history = userManagement.teamHistory(List.of(id)).get(id);
        // Saving the same team again starts no spell; each spell ends where the next starts.
        assertThat(history).extracting(TeamSpell::teamId).containsExactly(first.teamId(), second.teamId(), null);
        assertThat(history.get(0).to()).isEqualTo(history.get(1).from());
        assertThat(history.get(1).to()).isEqualTo(history.get(2).from());
        assertThat(history.get(2).to()).isNull();
        assertThat(TeamSpell.at(history, history.get(1).from())).map(TeamSpell::teamId).contains(second.teamId());
    }
}
