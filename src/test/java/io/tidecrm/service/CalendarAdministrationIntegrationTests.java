package io.tidecrm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import jakarta.servlet.http.Cookie;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators keep the calendar; the public {@link WorkingCalendar} answers with their changes at once. */
@IntegrationTest
class CalendarAdministrationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    CustomerFixtures fixtures;

    @AfterEach
    void restore() {
        fixtures.jdbc().sql("DELETE FROM service_calendar_day WHERE day = '2031-03-03' OR day = '2031-03-08'").update();
        fixtures.jdbc().sql("UPDATE service_working_hours SET day_start = '09:00', day_end = '18:00'").update();
    }

    @Test
    void theSeededCalendarKnowsChinasHolidaysAndMakeUpDaysOf2026() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-18"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).as("Saturday, make-up day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).isTrue();
    }

    @Test
    void anAdministratorsHolidayAndMakeUpDayApplyAtOnce() throws Exception {
        LocalDate monday = LocalDate.parse("2031-03-03");
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(post("/admin/service/calendar/days").with(users.as("admin")).with(csrf())
                        .param("day", "2031-03-03").param("working", "false").param("name", "公司年假"))
                .andExpect(redirectedUrl("/admin/service/calendar?year=2031"));
        mvc.perform(post("/admin/service/calendar/days").with(users.as("admin")).with(csrf())
                        .param("day", "2031-03-08").param("working", "true").param("name", "调休"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(monday)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-03-08"))).isTrue();
        mvc.perform(get("/admin/service/calendar?year=2031").with(users.as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("公司年假")));

        mvc.perform(post("/admin/service/calendar/days/delete").with(users.as("admin")).with(csrf()).param("day", "2031-03-03"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(monday)).isTrue();
    }

    @Test
    void changedWorkingHoursMoveTheDeadlines() throws Exception {
        long version = fixtures.jdbc().sql("SELECT version FROM service_working_hours").query(Long.class).single();
        mvc.perform(post("/admin/service/calendar/hours").with(users.as("admin")).with(csrf())
                        .param("dayStart", "08:30").param("dayEnd", "17:30").param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/service/calendar"));
        var tuesdayFive = LocalDateTime.parse("2031-03-04T17:00").atZone(calendar.zone()).toInstant();
        assertThat(calendar.addWorkingTime(tuesdayFive, Duration.ofHours(1)))
                .isEqualTo(LocalDateTime.parse("2031-03-05T09:00").atZone(calendar.zone()).toInstant());
    }

    @Test
    void badInputIsNamedOnThePageInTheUsersLanguage() throws Exception {
        long version = fixtures.jdbc().sql("SELECT version FROM service_working_hours").query(Long.class).single();
        mvc.perform(post("/admin/service/calendar/hours").with(users.as("admin")).with(csrf()).cookie(new Cookie("tidecrm-lang", "zh-CN"))
                        .param("dayStart", "18:00").param("dayEnd", "09:00").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("下班时间必须晚于上班时间")));
        mvc.perform(post("/admin/service/calendar/days").with(users.as("admin")).with(csrf()).cookie(new Cookie("tidecrm-lang", "en"))
                        .param("day", "not-a-date").param("working", "false").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Please enter Date as a date")));
        mvc.perform(post("/admin/service/calendar/days").with(users.as("admin")).with(csrf()).cookie(new Cookie("tidecrm-lang", "en"))
                        .param("day", "2031-03-03").param("working", "false").param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Please fill in Name")));
    }

    @Test
    void onlyAdministratorsReachTheCalendar() throws Exception {
        mvc.perform(get("/admin/service/calendar").with(users.as("manager1"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/service/calendar/days").with(users.as("manager1")).with(csrf())
                .param("day", "2031-03-03").param("working", "false").param("name", "x")).andExpect(status().isForbidden());
    }
}
