package io.tidecrm.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.Deliveries;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.MutableClock;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A listener that fails never takes the business change with it, and its delivery is not lost:
 * the publication stays incomplete, with its error, until a resubmission delivers it.
 */
@IntegrationTest
class EventResubmissionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Autowired
    Deliveries deliveries;

    @Autowired
    MutableClock clock;

    @Autowired
    Resubmission resubmission;

    @Autowired
    EventsProperties properties;

    @Autowired
    Scheduler scheduler;

    final List<FailingInbox> inboxes = new ArrayList<>();

    @AfterEach
    void repair() {
        inboxes.forEach(FailingInbox::repair);
        clock.reset();
    }

    @Test
    void aFailingListenerLeavesTheChangeCommittedAndItsPublicationIncompleteUntilResubmitted() throws Exception {
        FailingInbox inbox = failingInbox().followUp();

        assertThat(inbox.followUps()).as("the follow-up is saved").isEqualTo(1);
        assertThat(inbox.notices()).isZero();
        FailingInbox.Publication failed = inbox.publication();
        assertThat(failed.completed()).isFalse();
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("inbox down for " + inbox.marker);

        // The inbox works again: the resubmission job's next sweep delivers it.
        inbox.repair();
        assertThat(resubmission.resubmit(p -> p.getIdentifier().equals(failed.id()))).isEqualTo(1);
        deliveries.awaitAll();

        assertThat(inbox.notices()).isEqualTo(1);
        FailingInbox.Publication delivered = inbox.publication();
        assertThat(delivered.completed()).isTrue();
        assertThat(delivered.status()).isEqualTo("COMPLETED");
        assertThat(delivered.attempts()).isEqualTo(2);
        // A second resubmission finds nothing to do: one notice, never two.
        assertThat(resubmission.resubmit(p -> p.getIdentifier().equals(failed.id()))).isZero();
        deliveries.awaitAll();
        assertThat(inbox.notices()).isEqualTo(1);
    }

    @Test
    void aResubmissionCutOffByACrashIsTakenUpAgainOnceItHasBeenIdleLongEnough() throws Exception {
        FailingInbox inbox = failingInbox().followUp();
        FailingInbox.Publication failed = inbox.publication();
        inbox.repair();
        // The node that resubmitted it died before the listener ran: the registry says RESUBMITTED.
        fixtures.jdbc().sql("UPDATE event_publication SET status = 'RESUBMITTED', last_resubmission_date = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), failed.id()).update();

        assertThat(resubmission.resubmit(p -> p.getIdentifier().equals(failed.id())))
                .as("possibly still under way on another node").isZero();
        inbox.advancePast(properties.resubmitAfter());
        assertThat(resubmission.resubmit(p -> p.getIdentifier().equals(failed.id()))).isEqualTo(1);
        deliveries.awaitAll();

        assertThat(inbox.notices()).isEqualTo(1);
        assertThat(inbox.publication().completed()).isTrue();
    }

    @Test
    void theSweepRunsInQuartzAtStartUpAndThenEveryInterval() throws Exception {
        SimpleTrigger trigger = (SimpleTrigger) scheduler.getTrigger(TriggerKey.triggerKey("resubmission", "events"));
        assertThat(trigger.getRepeatInterval()).isEqualTo(properties.resubmitInterval().toMillis());
        assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
        assertThat(trigger.getStartTime()).as("its first firing is at start-up").isBeforeOrEqualTo(new java.util.Date());
        assertThat(scheduler.getJobDetail(JobKey.jobKey("resubmission", "events")).isConcurrentExecutionDisallowed())
                .isTrue();
    }

    private FailingInbox failingInbox() {
        FailingInbox inbox = new FailingInbox(mvc, users, fixtures, deliveries, clock);
        inboxes.add(inbox);
        return inbox;
    }
}
