package io.tidecrm.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tidecrm.identity.CurrentUser;
import io.tidecrm.identity.Role;
import io.tidecrm.support.CustomerFixtures;
import io.tidecrm.support.IntegrationTest;
import io.tidecrm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The timeline reads the customer's own follow-ups only, however old they are (issue 14): on
 * bench/run's data the page of a customer whose 10,000 follow-ups were all among the oldest rows
 * walked the primary key backwards through 450,000 other rows.
 */
@IntegrationTest
class TimelinePlanIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    CustomerFixtures fixtures;

    @Test
    void timelineOfACustomerWhoseFollowUpsAreAllOldReadsNoOtherCustomersRows() {
        CurrentUser rep = users.newUser("plan-timeline", Role.REP, "rep1");
        long old = fixtures.insert(CustomerFixtures.uniqueName("老客户"), "C", "INTENT", rep.id());
        List<Long> others = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(fixtures.insert(CustomerFixtures.uniqueName("新客户"), "C", "INTENT", rep.id()));
        }
        // 2,000 old follow-ups of one customer, then 60,000 newer ones spread over 50 others: the
        // statement as it was walked the primary key backwards through all 60,000.
        fixtures.jdbc().sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                SELECT :customer, :author, 'PHONE', now() - interval '900 days', now() - interval '900 days', '旧的跟进'
                FROM generate_series(1, 2000)
                """).param("customer", old).param("author", rep.id()).update();
        fixtures.jdbc().sql("""
                INSERT INTO follow_up (customer_id, author_id, kind, occurred_at, recorded_at, content)
                SELECT (CAST(:others AS bigint[]))[1 + (g * 7919) % 50], :author, 'PHONE', now(), now(), '新的跟进'
                FROM generate_series(1, 60000) g
                """).param("others", others.toArray(Long[]::new)).param("author", rep.id()).update();
        // As autovacuum leaves an append-only table: statistics and the visibility map up to date.
        fixtures.jdbc().sql("VACUUM ANALYZE follow_up").update();

        String sql = FollowUpService.timelineSql("f.customer_id = " + old, FollowUpService.timelineOrder())
                .replace(":limit", "11");
        String plan = String.join("\n", fixtures.jdbc().sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list());

        Matcher removed = Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
        while (removed.find()) {
            assertThat(Long.parseLong(removed.group(1))).as("rows read and thrown away:%n%s", plan).isLessThan(100);
        }
        assertThat(plan).contains("follow_up_customer_idx");
    }
}
