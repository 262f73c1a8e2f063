package io.tidecrm.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

import io.tidecrm.support.FlashMessage;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The job-runs page and the "run now" message speak the user's language, and a skipped run says why. */
@IntegrationTest
class PoolRunsPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    MessageSource messages;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aManualWarningRunAfterTheReclaimTimeSaysWhyItWasSkippedAndNoRawCodeIsShown() throws Exception {
        // 21:00 in the business zone, after the default 20:00 reclaim: the warning is skipped for the day.
        clock.setInstant(LocalDate.now(clock).plusDays(400).atTime(LocalTime.of(21, 0)).atZone(clock.getZone()).toInstant());
        MvcResult run = mvc.perform(post("/admin/pool-runs/warning").with(users.as("admin")).with(csrf())).andReturn();
        FlashMessage flash = (FlashMessage) run.getFlashMap().get("flash");
        assertThat(flash.key()).isEqualTo("pool.run.done.SKIPPED_AFTER_RECLAIM");
        assertThat(flash.level()).isEqualTo("warning");

        assertThat(messages.getMessage(flash.key(), flash.argArray(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("已跳过：今天的收回时间已过，今天不再发送提醒。");
        assertThat(messages.getMessage(flash.key(), flash.argArray(), Locale.ENGLISH))
                .isEqualTo("Skipped: today's reclaim time has passed, so no warnings go out today.");

        String page = mvc.perform(get("/admin/pool-runs").with(users.as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("已跳过（已过收回时间）")
                .doesNotContain(">SKIPPED_AFTER_RECLAIM<", ">DONE<", "??");
    }
}
